package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import dev.specbot.interview.Effect;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Progress;
import dev.specbot.meeting.Meeting;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.StoredInterview;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every message that carries a title or other user text, built with a hostile one: its text (what
 * notifications, fallbacks and DMs show) is escaped as its blocks are.
 */
class MessagesEscapingTest {
  private static final String HOSTILE =
      "<!channel> <@U0BOB0001> <https://evil.example/login|Sign in again> & @here";
  private static final String ESCAPED =
      "&lt;!channel&gt; &lt;@U0BOB0001&gt; &lt;https://evil.example/login|Sign in again&gt;"
          + " &amp; @\u2060here";
  private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
  private static final Template TEMPLATE =
      TemplateCatalog.load(Optional.empty()).find("echo-tech-spec").orElseThrow();
  private static final Interview INTERVIEW =
      Interview.start("i-1", TEMPLATE.id(), HOSTILE, "U0ALICE", HOSTILE, NOW);
  private static final Meeting MEETING =
      new Meeting(
          "m-1",
          "i-1",
          NOW.plus(Duration.ofDays(2)),
          Duration.ofMinutes(30),
          ZoneId.of("Europe/Berlin"),
          List.of("U0CAROL"),
          0,
          Meeting.Status.SCHEDULED);

  @Test
  void every_message_about_a_spec_shows_its_title_escaped_in_its_text_and_its_blocks() {
    Map<String, InterviewMessages.Message> messages = new LinkedHashMap<>();
    messages.put("parent", InterviewMessages.parent(INTERVIEW, TEMPLATE, new Progress(1, 0, 7)));
    messages.put(
        "parent with meeting",
        InterviewMessages.parent(
            INTERVIEW,
            TEMPLATE,
            new Progress(7, 0, 7),
            Optional.of(MeetingMessages.meetingLine(MEETING))));
    messages.put("announcement", MeetingMessages.announcement(MEETING, HOSTILE, false));
    messages.put(
        "invitation",
        MeetingMessages.invitation(MEETING, HOSTILE, "U0ALICE", "the spec's thread", true));
    messages.put("cancelled", MeetingMessages.cancelledInThread(HOSTILE));
    messages.put(
        "cancelled for attendee",
        MeetingMessages.cancelledForAttendee(HOSTILE, "U0ALICE", MEETING));
    messages.put("uninvited", MeetingMessages.uninvited(HOSTILE, "U0ALICE", MEETING));
    messages.put(
        "read reminder",
        MeetingMessages.readReminder(
            MEETING, HOSTILE, Optional.of("https://example.slack.com/p1")));
    messages.put(
        "start reminder", MeetingMessages.startReminder(MEETING, HOSTILE, Optional.empty()));

    for (Map.Entry<String, InterviewMessages.Message> message : messages.entrySet()) {
      String text = message.getValue().text();
      assertTrue(text.contains(ESCAPED), message.getKey() + " text: " + text);
      assertNoRawText(message.getKey() + " text", text);
      assertNoRawText(message.getKey() + " blocks", plain(message.getValue().blocks()));
    }
  }

  @Test
  void what_the_interview_says_and_the_documents_introductions_are_escaped() {
    List<Delivery> deliveries =
        List.of(
                new Effect.Say(HOSTILE),
                new Effect.ShowPreview("# Spec"),
                new Effect.Publish("# Spec", new Progress(7, 0, 7)),
                new Effect.Republish("# Spec", HOSTILE))
            .stream()
            .flatMap(effect -> EffectDeliveries.of(effect, INTERVIEW, TEMPLATE).stream())
            .toList();

    for (Delivery delivery : deliveries) {
      assertNoRawText(delivery.kind() + " text", delivery.text());
      if (delivery.blocks() != null) {
        assertNoRawText(delivery.kind() + " blocks", plain(delivery.blocks()));
      }
    }
    assertTrue(deliveries.get(0).text().contains(ESCAPED), deliveries.get(0).text());
  }

  @Test
  void the_private_note_about_a_channel_the_bot_lost_escapes_the_title() {
    StoredInterview stored =
        new StoredInterview(
            INTERVIEW, new SlackPlace("T1", "C0GONE", Optional.of("1.2"), Optional.empty()));
    Delivery refused =
        Delivery.forInterview(Delivery.Kind.POST_IN_THREAD, "i-1", "A message", null);

    Delivery note = RefusedBySlack.notice(refused, stored, "channel_not_found");

    assertTrue(note.text().contains("*" + ESCAPED + "*"), note.text());
    assertNoRawText("refusal text", note.text());
    assertNoRawText("refusal blocks", plain(note.blocks()));
  }

  private static void assertNoRawText(String where, String value) {
    for (String raw : List.of("<!channel", "<@U0BOB0001", "<https://evil.example")) {
      assertFalse(value.contains(raw), where + " has " + raw + " unescaped: " + value);
    }
    assertFalse(value.contains(" @here"), where + " has a bare @here: " + value);
  }

  /** Block Kit JSON as text, without the Unicode escapes Gson puts in place of {@code < > &}. */
  private static String plain(String json) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(JsonParser.parseString(json));
  }
}

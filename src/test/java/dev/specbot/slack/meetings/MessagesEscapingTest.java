package dev.specbot.slack.meetings;

import static dev.specbot.slack.HostileText.ESCAPED;
import static dev.specbot.slack.HostileText.HOSTILE;
import static dev.specbot.slack.HostileText.INTERVIEW;
import static dev.specbot.slack.HostileText.NOW;
import static dev.specbot.slack.HostileText.TEMPLATE;
import static dev.specbot.slack.HostileText.assertNoRawText;
import static dev.specbot.slack.HostileText.plain;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.interview.Progress;
import dev.specbot.meeting.Meeting;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.messages.ParentMessage;
import java.time.Duration;
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
    Map<String, Message> messages = new LinkedHashMap<>();
    messages.put("parent", ParentMessage.of(INTERVIEW, TEMPLATE, new Progress(1, 0, 7)));
    messages.put(
        "parent with meeting",
        ParentMessage.of(
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

    for (Map.Entry<String, Message> message : messages.entrySet()) {
      String text = message.getValue().text();
      assertTrue(text.contains(ESCAPED), message.getKey() + " text: " + text);
      assertNoRawText(message.getKey() + " text", text);
      assertNoRawText(message.getKey() + " blocks", plain(message.getValue().blocks()));
    }
  }
}

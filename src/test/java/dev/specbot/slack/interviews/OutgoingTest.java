package dev.specbot.slack.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.webapi.Urgency;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutgoingTest {
  private static final Message OFFERS = Message.say("When should we discuss it?");
  private static final Delivery CANVAS = Delivery.canvas("i1", "Title", "# Title");

  @Test
  void what_follows_a_posted_spec_goes_at_the_end_of_its_last_message_when_there_is_room() {
    Outgoing posted = posted(List.of(part("part 1 of 2", 50), part("part 2 of 2", 3)), 0, 1);

    Outgoing followed = posted.followedBy("i1", OFFERS);

    assertEquals(2, followed.deliveries().size());
    assertEquals(posted.deliveries().get(0), followed.deliveries().get(0));
    Delivery last = followed.deliveries().get(1);
    assertEquals("part 2 of 2\n\nWhen should we discuss it?", last.text());
    assertEquals(3 + 1 + 1, blocks(last));
  }

  @Test
  void what_follows_is_a_message_of_its_own_when_the_last_one_is_full() {
    Outgoing posted = posted(List.of(part("part 1 of 1", 49), CANVAS), 0, 0);

    Outgoing followed = posted.followedBy("i1", OFFERS);

    assertEquals(3, followed.deliveries().size());
    assertEquals(posted.deliveries(), followed.deliveries().subList(0, 2));
    Delivery own = followed.deliveries().get(2);
    assertEquals(Delivery.inThread("i1", OFFERS), own);
  }

  @Test
  void without_a_spec_posted_what_follows_is_a_message_of_its_own() {
    Outgoing followed =
        new Outgoing(List.of(CANVAS), -1, Optional.empty()).followedBy("i1", OFFERS);

    assertEquals(List.of(CANVAS, Delivery.inThread("i1", OFFERS)), followed.deliveries());
  }

  @Test
  void a_spec_posted_after_the_drafters_input_ends_their_turn_and_all_its_messages_are_as_urgent() {
    Instant input = Instant.parse("2026-12-04T10:00:00Z");
    Delivery upload = Delivery.upload("i1", "ready", "spec.md", "# Spec");
    Outgoing posted =
        posted(List.of(part("part 1 of 2", 50), part("part 2 of 2", 3), upload, CANVAS), 0, 1);

    List<Delivery> queued = posted.answering(input);

    assertEquals(input.toEpochMilli(), queued.get(0).turnFrom(), "the first part ends the turn");
    assertEquals(Urgency.QUESTION, queued.get(0).urgency());
    assertNull(queued.get(1).turnFrom(), "one turn, ended once");
    assertEquals(Urgency.QUESTION, queued.get(1).urgency());
    assertEquals(List.of(upload, CANVAS), queued.subList(2, 4), "the file and canvas as they were");
    assertEquals(Urgency.REPLY, posted.deliveries().get(1).urgency(), "not for the opening");
  }

  @Test
  void the_opening_question_is_as_urgent_as_a_next_one_and_ends_no_turn() {
    Delivery said = Delivery.inThread("i1", Message.say("Welcome."));
    Outgoing opening = new Outgoing(List.of(said, part("Question 1 of 7", 2)), 1, Optional.empty());

    List<Delivery> queued = opening.opening();

    assertEquals(said, queued.get(0));
    assertEquals(Urgency.QUESTION, queued.get(1).urgency());
    assertNull(queued.get(1).turnFrom(), "no input of the drafter's to answer");
  }

  @Test
  void with_a_question_to_ask_the_question_ends_the_turn() {
    Instant input = Instant.parse("2026-12-04T10:00:00Z");
    Delivery said = Delivery.inThread("i1", Message.say("Noted."));
    Outgoing asking = new Outgoing(List.of(said, part("Question 2 of 7", 2)), 1, Optional.empty());

    List<Delivery> queued = asking.answering(input);

    assertEquals(said, queued.get(0));
    assertEquals(input.toEpochMilli(), queued.get(1).turnFrom());
  }

  @Test
  void what_follows_a_written_spec_writes_again_only_the_message_it_changed() {
    Instant input = Instant.parse("2026-12-04T10:00:00Z");
    Delivery upload =
        Delivery.upload("i1", "ready", "spec.md", "# Spec\n" + "A line.\n".repeat(1000));
    Outgoing posted =
        posted(List.of(part("part 1 of 2", 50), part("part 2 of 2", 3), upload, CANVAS), 0, 1);
    Outgoing.Written written = posted.written(input);

    Outgoing.Written followed = written.followedBy("i1", OFFERS);

    assertEquals(posted.followedBy("i1", OFFERS).answering(input), followed.deliveries());
    assertSame(written.json().get(0), followed.json().get(0), "part 1 as written before");
    assertNotSame(written.json().get(1), followed.json().get(1), "part 2 with the offers");
    assertEquals(followed.deliveries().get(1).toJson(), followed.json().get(1));
    assertSame(written.json().get(2), followed.json().get(2), "the file as written before");
    assertSame(written.json().get(3), followed.json().get(3), "the canvas as written before");
  }

  @Test
  void what_follows_a_full_written_spec_is_written_as_a_message_of_its_own() {
    Instant input = Instant.parse("2026-12-04T10:00:00Z");
    Outgoing.Written written =
        posted(List.of(part("part 1 of 1", 49), CANVAS), 0, 0).written(input);

    Outgoing.Written followed = written.followedBy("i1", OFFERS);

    assertEquals(written.json(), followed.json().subList(0, 2));
    assertEquals(Delivery.inThread("i1", OFFERS).toJson(), followed.json().get(2));
  }

  /** A spec posted as {@code deliveries}, from {@code start} to its last message, {@code end}. */
  private static Outgoing posted(List<Delivery> deliveries, int start, int end) {
    Message last = deliveries.get(end).asMessage();
    return new Outgoing(
        deliveries, -1, Optional.of(new Outgoing.PostedSpec(start, end, last.size())));
  }

  private static Delivery part(String text, int sections) {
    List<LayoutBlock> blocks = Collections.nCopies(sections, Message.sectionOf("A section."));
    return Delivery.inThread("i1", Message.of(text, blocks));
  }

  private static int blocks(Delivery delivery) {
    return JsonParser.parseString(delivery.blocks()).getAsJsonArray().size();
  }
}

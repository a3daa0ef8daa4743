package dev.specbot.slack.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingTest {
  private static final Message OFFERS = Message.say("When should we discuss it?");
  private static final Delivery CANVAS = Delivery.canvas("i1", "Title", "# Title");

  @Test
  void what_follows_a_posted_spec_goes_at_the_end_of_its_last_message_when_there_is_room() {
    Outgoing posted = new Outgoing(List.of(part("part 1 of 2", 50), part("part 2 of 2", 3)), -1, 1);

    Outgoing followed = posted.followedBy("i1", OFFERS);

    assertEquals(2, followed.deliveries().size());
    assertEquals(posted.deliveries().get(0), followed.deliveries().get(0));
    Delivery last = followed.deliveries().get(1);
    assertEquals("part 2 of 2\n\nWhen should we discuss it?", last.text());
    assertEquals(3 + 1 + 1, blocks(last));
  }

  @Test
  void what_follows_is_a_message_of_its_own_when_the_last_one_is_full() {
    Outgoing posted = new Outgoing(List.of(part("part 1 of 1", 49), CANVAS), -1, 0);

    Outgoing followed = posted.followedBy("i1", OFFERS);

    assertEquals(3, followed.deliveries().size());
    assertEquals(posted.deliveries(), followed.deliveries().subList(0, 2));
    Delivery own = followed.deliveries().get(2);
    assertEquals(Delivery.inThread("i1", OFFERS), own);
  }

  @Test
  void without_a_spec_posted_what_follows_is_a_message_of_its_own() {
    Outgoing followed = new Outgoing(List.of(CANVAS), -1, -1).followedBy("i1", OFFERS);

    assertEquals(List.of(CANVAS, Delivery.inThread("i1", OFFERS)), followed.deliveries());
    assertTrue(followed.documentEnd() < 0, "joined once only");
  }

  private static Delivery part(String text, int sections) {
    List<LayoutBlock> blocks = Collections.nCopies(sections, Message.sectionOf("A section."));
    return Delivery.inThread("i1", Message.of(text, blocks));
  }

  private static int blocks(Delivery delivery) {
    return JsonParser.parseString(delivery.blocks()).getAsJsonArray().size();
  }
}

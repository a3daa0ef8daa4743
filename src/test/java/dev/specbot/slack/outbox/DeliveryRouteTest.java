package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParseException;
import dev.specbot.slack.messages.Message;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryRouteTest {
  private static final String SPEC = "# Rollout\n\n" + "A \"quoted\" line.\n".repeat(20_000);

  @Test
  void reads_where_each_kind_of_delivery_goes() {
    List<Delivery> deliveries =
        List.of(
            Delivery.forInterview(Delivery.Kind.UPDATE_PARENT, "iv-1", "card", "[]"),
            Delivery.inThread("iv-1", Message.say("Question 2")),
            Delivery.ephemeral("C1", "U1", "Only you can see this"),
            Delivery.direct("iv-1", "U2", Message.say("You were handed question 3")),
            Delivery.upload("iv-1", "The spec", "rollout.md", SPEC),
            Delivery.canvas("iv-1", "Rollout", SPEC),
            Delivery.commentOnIssue("iv-1", "Approved"),
            Delivery.home("T1", "U3"),
            Delivery.inThread("iv-1", Message.say("Question 4")).asNotice());

    for (Delivery delivery : deliveries) {
      assertEquals(
          new DeliveryRoute(
              delivery.kind(), delivery.interviewId(), delivery.channel(), delivery.user()),
          DeliveryRoute.of(delivery.toJson()),
          delivery.kind().name());
    }
  }

  @Test
  void reads_no_further_than_where_it_goes() {
    String json = Delivery.upload("iv-1", "The spec", "rollout.md", SPEC).toJson();
    // Cut off in the middle of the file's content: only a reader that stops early gets through.
    String cut = json.substring(0, json.length() / 2);

    assertThrows(JsonParseException.class, () -> Delivery.fromJson(cut));
    assertEquals(
        new DeliveryRoute(Delivery.Kind.UPLOAD_DOCUMENT, "iv-1", null, null),
        DeliveryRoute.of(cut));
  }

  @Test
  void where_a_delivery_goes_is_written_before_what_it_says() {
    List<String> first =
        Arrays.stream(Delivery.class.getRecordComponents())
            .limit(4)
            .map(RecordComponent::getName)
            .toList();

    assertEquals(List.of("kind", "interviewId", "channel", "user"), first);
    String json = Delivery.ephemeral("C1", "U1", "hi").toJson();
    assertTrue(
        json.startsWith("{\"kind\":\"POST_EPHEMERAL\",\"channel\":\"C1\",\"user\":\"U1\","), json);
  }
}

package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentlyUsedTest {
  @Test
  void keeps_at_most_its_size_dropping_the_least_recently_used() {
    Map<String, Integer> kept = new RecentlyUsed<>(2);
    kept.put("a", 1);
    kept.put("b", 2);
    var unused = kept.get("a"); // Used: now "b" is the least recently used.
    kept.put("c", 3);

    assertEquals(List.of("a", "c"), List.copyOf(kept.keySet()));
  }
}

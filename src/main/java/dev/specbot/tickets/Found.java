package dev.specbot.tickets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tickets found so far: each given its key, those already created left out, those beyond the
 * cap counted.
 */
final class Found {
  private final Set<String> created;
  private final Steps steps;
  private final List<Ticket> tickets = new ArrayList<>();
  private final Map<String, Integer> seen = new HashMap<>();
  private int beyondCap;

  Found(Set<String> created, Steps steps) {
    this.created = created;
    this.steps = steps;
  }

  /** Adds a ticket for the item titled {@code markdown} in question {@code questionId}. */
  void add(String questionId, String section, String markdown, String body) {
    String title = Titles.plain(markdown, steps);
    if (title.isEmpty()) {
      return;
    }
    String key = key(questionId, title);
    if (created.contains(key)) {
      return;
    }
    if (tickets.size() < ActionItems.MAX_PROPOSED) {
      tickets.add(new Ticket(key, title, Titles.plain(section, steps), body));
    } else {
      beyondCap++;
    }
  }

  Proposals proposals() {
    return new Proposals(tickets, beyondCap);
  }

  /**
   * The question and the title, case aside, so that editing one item keeps the others' keys; the
   * second item of the same title in a question is told apart by its count.
   */
  private String key(String questionId, String title) {
    String base = questionId + "\n" + title.toLowerCase(Locale.ROOT);
    int count = seen.merge(base, 1, Integer::sum);
    return hash(count == 1 ? base : base + "\n" + count);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}

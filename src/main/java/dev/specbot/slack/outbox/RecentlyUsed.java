package dev.specbot.slack.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code most} entries, dropping the one least recently used to make room:
 * what the dispatcher remembers between rounds, bounded however many interviews pass through it.
 * Not thread-safe: one thread owns it.
 */
final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;

  private final int most;

  RecentlyUsed(int most) {
    super(16, 0.75f, true);
    this.most = most;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > most;
  }
}

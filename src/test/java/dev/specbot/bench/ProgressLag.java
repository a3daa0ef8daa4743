package dev.specbot.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How long an interview's parent message took to show each answer: from the moment answer {@code i}
 * was acknowledged to the arrival at Slack of the first chat.update of the parent whose line shows
 * that state or a later one ("question i+1 of N", or "Finished" after the last answer). An edit
 * that shows several answers at once (coalesced) ends the lag of each; an edit that arrives after a
 * later state was shown (out of order) ends none, and is counted as taking the line backwards. The
 * final answer's change, to "Finished", changes the stage; the others change only the counts. All
 * times are on one clock (the fake's, {@link System#nanoTime()}).
 */
final class ProgressLag {
  private static final String FINISHED = ": Finished · ";
  private static final String QUESTION = " question ";
  private static final long NOT_ACKNOWLEDGED = Long.MIN_VALUE;

  /** What a parent line shows when it shows "Finished": every answer, however many. */
  private static final int EVERY_ANSWER = Integer.MAX_VALUE;

  // By channel and parent ts.
  private final Map<String, Parent> parents = new HashMap<>();

  /** The lags of one run, in nanoseconds, and the changes no edit showed. */
  record Lags(
      Latencies stageChanges,
      int stageChangesNeverShown,
      Latencies countChanges,
      int countChangesNeverShown,
      int editsBackwards) {
    int neverShown() {
      return stageChangesNeverShown + countChangesNeverShown;
    }
  }

  /** Answer {@code number} of {@code total} to the interview under this parent was acknowledged. */
  synchronized void acknowledged(
      String channel, String parentTs, int number, int total, long ackNanos) {
    parent(channel, parentTs).acknowledged(number, total, ackNanos);
  }

  /**
   * A chat.update of this parent took effect at {@code arrivalNanos}; {@code text} is its fallback
   * text (see {@code ParentMessage}). Edits whose line shows no interview state are ignored.
   */
  synchronized void updated(String channel, String parentTs, String text, long arrivalNanos) {
    OptionalInt shown = answersShown(text);
    if (shown.isPresent()) {
      parent(channel, parentTs).edits.add(new Edit(arrivalNanos, shown.getAsInt()));
    }
  }

  synchronized Lags lags() {
    Latencies stage = new Latencies();
    Latencies counts = new Latencies();
    int stageNeverShown = 0;
    int countsNeverShown = 0;
    int backwards = 0;
    for (Parent parent : parents.values()) {
      int last = parent.acks.length;
      if (last == 0) {
        continue; // No answer acknowledged: nothing for its line to show.
      }
      List<Edit> edits = parent.byArrival();
      stageNeverShown += addLags(parent, edits, last, last, stage);
      countsNeverShown += addLags(parent, edits, 1, last - 1, counts);
      backwards += backwards(edits);
    }
    return new Lags(stage, stageNeverShown, counts, countsNeverShown, backwards);
  }

  /**
   * Adds the lags of the parent's answers {@code first} to {@code last} that were acknowledged;
   * returns how many of them no edit showed.
   */
  private static int addLags(Parent parent, List<Edit> edits, int first, int last, Latencies into) {
    int neverShown = 0;
    for (int number = first; number <= last; number++) {
      long ack = parent.acks[number - 1];
      if (ack == NOT_ACKNOWLEDGED) {
        continue;
      }
      OptionalLong shown = firstShowing(edits, number);
      if (shown.isPresent()) {
        into.add(shown.getAsLong() - ack);
      } else {
        neverShown++;
      }
    }
    return neverShown;
  }

  /**
   * How many answers a parent's line shows as given: {@code k - 1} for "question k of N" (in
   * progress or paused), every answer for "Finished"; empty for a line with no such state
   * (cancelled, say).
   */
  static OptionalInt answersShown(String text) {
    if (text.contains(FINISHED)) {
      return OptionalInt.of(EVERY_ANSWER);
    }
    // The last one: a title may say "question" too, the status comes after it.
    int question = text.lastIndexOf(QUESTION);
    int of = question < 0 ? -1 : text.indexOf(" of ", question);
    if (of < 0) {
      return OptionalInt.empty();
    }
    String number = text.substring(question + QUESTION.length(), of);
    return number.chars().allMatch(Character::isDigit) && !number.isEmpty()
        ? OptionalInt.of(Integer.parseInt(number) - 1)
        : OptionalInt.empty();
  }

  private static OptionalLong firstShowing(List<Edit> byArrival, int answers) {
    return byArrival.stream()
        .filter(edit -> edit.answersShown() >= answers)
        .mapToLong(Edit::arrivalNanos)
        .findFirst();
  }

  private static int backwards(List<Edit> byArrival) {
    int count = 0;
    int furthest = -1;
    for (Edit edit : byArrival) {
      if (edit.answersShown() < furthest) {
        count++;
      }
      furthest = Math.max(furthest, edit.answersShown());
    }
    return count;
  }

  private Parent parent(String channel, String parentTs) {
    return parents.computeIfAbsent(channel + " " + parentTs, key -> new Parent());
  }

  private record Edit(long arrivalNanos, int answersShown) {}

  /** One interview's parent: when each answer was acknowledged, and the edits of its line. */
  private static final class Parent {
    // By answer number less one; empty until the first answer's ack says how many there are.
    long[] acks = new long[0];
    final List<Edit> edits = new ArrayList<>();

    void acknowledged(int number, int total, long ackNanos) {
      if (acks.length == 0) {
        acks = new long[total];
        Arrays.fill(acks, NOT_ACKNOWLEDGED);
      }
      acks[number - 1] = ackNanos;
    }

    /** The edits in the order they reached Slack, which is not always the order they were seen. */
    List<Edit> byArrival() {
      List<Edit> sorted = new ArrayList<>(edits);
      sorted.sort(Comparator.comparingLong(Edit::arrivalNanos));
      return sorted;
    }
  }
}

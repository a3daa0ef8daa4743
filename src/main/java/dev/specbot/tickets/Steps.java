package dev.specbot.tickets;

/**
 * A count of the characters and lines the scanners look at, so a test can check that the work grows
 * with the input and no faster, without timing it.
 */
final class Steps {
  private long count;

  void add(long steps) {
    count += steps;
  }

  long count() {
    return count;
  }
}

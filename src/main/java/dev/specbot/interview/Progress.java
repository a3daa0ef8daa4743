package dev.specbot.interview;

/**
 * How far an interview has come.
 *
 * @param answered questions answered
 * @param skipped questions skipped
 * @param total questions in the template
 */
public record Progress(int answered, int skipped, int total) {
  /** Questions neither answered nor skipped. */
  public int open() {
    return total - answered - skipped;
  }
}

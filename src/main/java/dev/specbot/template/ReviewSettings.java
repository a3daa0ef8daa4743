package dev.specbot.template;

/**
 * How a template's specs are approved, as its {@code specbot: review:} override says: by every
 * reviewer asked ({@code all}, the default), or by a majority of them with at most {@code
 * maxOutstanding} not yet approved ({@code majority N}).
 */
public record ReviewSettings(boolean majority, int maxOutstanding) {
  /** Every reviewer asked approves. */
  public static final ReviewSettings ALL = new ReviewSettings(false, 0);

  public ReviewSettings {
    if (maxOutstanding < 0) {
      throw new IllegalArgumentException("maxOutstanding must not be negative");
    }
  }
}

package dev.specbot.template;

/**
 * How a template's specs are approved, as its {@code specbot: review:} override says: by every
 * reviewer asked ({@code all}, the default), or by a majority of them with at most {@code
 * maxOutstanding} not yet approved ({@code majority N}); and, with {@code , keep approvals},
 * whether an edit to a section no remark or concern mentions keeps the approvals given before it.
 */
public record ReviewSettings(boolean majority, int maxOutstanding, boolean keepApprovals) {
  /** Every reviewer asked approves; any edit makes approvals stale. */
  public static final ReviewSettings ALL = new ReviewSettings(false, 0, false);

  /** The approval rule alone; any edit makes approvals stale. */
  public ReviewSettings(boolean majority, int maxOutstanding) {
    this(majority, maxOutstanding, false);
  }

  public ReviewSettings {
    if (maxOutstanding < 0) {
      throw new IllegalArgumentException("maxOutstanding must not be negative");
    }
  }
}

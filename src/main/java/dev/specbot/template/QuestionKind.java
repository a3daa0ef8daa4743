package dev.specbot.template;

/** What shape of answer a question takes. */
public enum QuestionKind {
  /** Free markdown that takes the place of the section's guidance. */
  TEXT,
  /** Rows for the section's table, cells separated by {@code |}; other lines are kept as text. */
  TABLE,
  /** A one-line value for a metadata line such as {@code **Issue**: #[ID]}. */
  FIELD
}

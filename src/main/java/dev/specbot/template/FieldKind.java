package dev.specbot.template;

/** A value the bot knows and fills into the document by itself. */
public enum FieldKind {
  /** The title given when the interview starts. */
  TITLE("the title given when the interview starts"),
  /** The person who drafts the spec. */
  DRAFTER("the drafter's name"),
  /** The drafter, then each co-author who wrote a section. */
  AUTHORS("the drafter's name, then each co-author's"),
  /** The day the interview started. */
  CREATED("the day the interview started"),
  /** The day the document was last assembled. */
  UPDATED("the day the document was assembled"),
  /** The document's status: the template's first option, or Draft. */
  STATUS("the status, Draft until the team says otherwise"),
  /** The discussion meeting, once one is scheduled. */
  MEETING("the discussion meeting, once one is scheduled");

  private final String description;

  FieldKind(String description) {
    this.description = description;
  }

  /** What the bot writes there, in words for a template author. */
  public String description() {
    return description;
  }
}

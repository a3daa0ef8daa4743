package dev.specbot.review;

/** Why an input changed nothing; told only to the person who gave it. */
public enum Refusal {
  /** Only requested reviewers approve or request changes. */
  NOT_ASKED,
  /** The drafter never approves their own spec. */
  DRAFTER_CANNOT_APPROVE,
  /** Only the drafter asks for review or moves the spec on. */
  NOT_THE_DRAFTER,
  /** Only a concern's author resolves it. */
  NOT_CONCERN_AUTHOR,
  /** No open concern has that name (it may be resolved already). */
  NO_SUCH_CONCERN,
  /** An open concern already has that name. */
  CONCERN_EXISTS,
  /** A spec moves on only after it is approved. */
  NOT_APPROVED_YET,
  /** A spec is completed only after it is in progress. */
  NOT_IN_PROGRESS,
  /** The spec is at that stage, or past it, already. */
  ALREADY_THERE,
  /** Nobody to ask: no reviewer named but the drafter, or none asked before. */
  NO_REVIEWERS,
  /** Everyone named is a reviewer already. */
  ALREADY_REQUESTED,
  /** Asked to ask again, but every reviewer's approval stands. */
  ALREADY_APPROVED
}

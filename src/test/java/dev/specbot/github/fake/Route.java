package dev.specbot.github.fake;

/** The calls the fake answers, each to fail on demand on its own. */
public enum Route {
  /** {@code POST /repos/{owner}/{repo}/issues}. */
  CREATE_ISSUE,
  /** {@code GET /repos/{owner}/{repo}/issues}. */
  LIST_ISSUES,
  /** {@code GET /repos/{owner}/{repo}/issues/{number}}. */
  GET_ISSUE,
  /** {@code PATCH /repos/{owner}/{repo}/issues/{number}}. */
  EDIT_ISSUE,
  /** {@code POST /repos/{owner}/{repo}/issues/{number}/comments}. */
  CREATE_COMMENT,
  /** {@code GET /repos/{owner}/{repo}/issues/{number}/comments}. */
  LIST_COMMENTS
}

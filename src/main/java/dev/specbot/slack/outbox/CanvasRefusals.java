package dev.specbot.slack.outbox;

import dev.specbot.slack.blocks.SlackText;
import java.util.Set;

/**
 * Slack's answers that mean a spec cannot have a canvas (or can no longer have it edited), and what
 * the thread is told then, in plain words.
 */
final class CanvasRefusals {
  /** Not Slack's: the converted spec is over a canvas's 1 MiB. */
  static final String TOO_LONG = "canvas_too_long";

  /** The workspace's plan: free teams get a canvas tab per channel at most. */
  private static final Set<String> PLAN =
      Set.of(
          "free_teams_cannot_create_non_tabbed_canvases",
          "free_teams_cannot_edit_standalone_canvases",
          "free_team_canvas_tab_already_exists",
          "team_tier_cannot_create_channel_canvases",
          "not_allowed_on_free_teams",
          "paid_only");

  /** specbot's install lacks the permission. */
  private static final Set<String> SCOPE =
      Set.of("missing_scope", "not_allowed_token_type", "no_permission");

  /** An admin turned canvases off, or restricted who may make them. */
  private static final Set<String> OFF =
      Set.of(
          "canvas_disabled_user_team",
          "canvas_disabled",
          "canvases_disabled",
          "not_allowed",
          "restricted_action",
          "access_denied");

  /** Someone deleted the canvas, or it is no longer shared with specbot. */
  private static final Set<String> GONE = Set.of("canvas_not_found", "canvas_deleted");

  private CanvasRefusals() {}

  static boolean isForGood(String error) {
    return PLAN.contains(error)
        || SCOPE.contains(error)
        || OFF.contains(error)
        || GONE.contains(error)
        || TOO_LONG.equals(error);
  }

  /** What the thread is told, once. */
  static String said(String error) {
    String why;
    if (GONE.contains(error)) {
      return "The canvas of this spec is gone (deleted, or no longer shared with me), so I stopped"
          + " keeping it up to date. The spec file in this thread is the current document.";
    } else if (PLAN.contains(error)) {
      why = "this workspace's Slack plan does not let me make one here";
    } else if (SCOPE.contains(error)) {
      why =
          "I am not allowed to write canvases: an admin can reinstall me with the"
              + " `canvases:write` and `canvases:read` permissions";
    } else if (OFF.contains(error)) {
      why = "canvases are turned off or restricted in this workspace";
    } else {
      why = "the spec is longer than a canvas can hold";
    }
    return "I could not make this spec a canvas: "
        + why
        + " (Slack says `"
        + SlackText.escape(error)
        + "`). Nothing is lost: the spec file in this thread is the document, and I keep it"
        + " up to date.";
  }
}

package dev.specbot.slack.messages;

/**
 * The ids of every button, form, field and view the bot's messages carry, which the listeners route
 * on: in one place, so that no two features can take the same id.
 */
public final class ActionIds {
  // The interview: its question's buttons, the cancel confirmation, the /spec form.
  public static final String SKIP = "specbot_skip";
  public static final String BACK = "specbot_back";
  public static final String RESUME = "specbot_resume";
  public static final String CONFIRM_CANCEL = "specbot_confirm_cancel";
  public static final String KEEP_GOING = "specbot_keep_going";
  public static final String START_VIEW = "specbot_start";
  public static final String TEMPLATE_BLOCK = "template";
  public static final String TITLE_BLOCK = "title";
  public static final String CHANNEL_BLOCK = "channel";

  // The meeting: its form and buttons, and the buttons on reminders and nudges.
  public static final String WHEN_BLOCK = "specbot_meeting_when";
  public static final String WHO_BLOCK = "specbot_meeting_who";
  public static final String DATE = "specbot_meeting_date";
  public static final String TIME = "specbot_meeting_time";
  public static final String LENGTH = "specbot_meeting_length";
  public static final String ATTENDEES = "specbot_meeting_attendees";
  public static final String SCHEDULE = "specbot_meeting_schedule";
  public static final String CONFIRM = "specbot_meeting_confirm";
  public static final String RESCHEDULE = "specbot_meeting_reschedule";
  public static final String CANCEL = "specbot_meeting_cancel";
  public static final String SCHEDULE_NOW = "specbot_meeting_schedule_now";
  public static final String SNOOZE = "specbot_meeting_snooze";
  public static final String NO_MEETING = "specbot_meeting_none";
  public static final String READ = "specbot_meeting_read";
  public static final String WHO_READ = "specbot_meeting_who_read";

  /** The drafter has written every decision of the discussion: as writing {@code done}. */
  public static final String DECISIONS_DONE = "specbot_meeting_decisions_done";

  public static final String PAUSE = "specbot_pause";

  // The review: a reviewer's buttons, in their DM and in the thread.
  public static final String APPROVE = "specbot_review_approve";
  public static final String REQUEST_CHANGES = "specbot_review_changes";
  public static final String COMMENT = "specbot_review_comment";
  public static final String REQUEST_REVIEW = "specbot_review_request";
  public static final String REVIEWERS_BLOCK = "specbot_review_who";
  public static final String REVIEWERS = "specbot_review_reviewers";
  public static final String REVIEW_FORM = "specbot_review_form";
  public static final String REVIEW_SECTION_BLOCK = "specbot_review_section";
  public static final String REVIEW_TEXT_BLOCK = "specbot_review_text";

  // GitHub: publishing a finished spec as an issue.
  public static final String PUBLISH_TO_GITHUB = "specbot_github_publish";

  // Tickets from the spec's action items: the form, its checkbox groups and title fields (each
  // group's and field's block id adds its number or its ticket's key to these).
  public static final String TICKETS_FORM = "specbot_tickets";
  public static final String TICKETS_PICK = "specbot_tickets_pick";
  public static final String TICKETS_TITLE = "specbot_tickets_title";

  /** The Propose tickets button under an approved spec (or after {@code tickets}). */
  public static final String PROPOSE_TICKETS = "specbot_tickets_propose";

  /**
   * The New spec button on the Home tab. Outside the {@code specbot_} prefix on purpose: Bolt keeps
   * its button listeners in an unordered map, so an id that the buttons' pattern also matched could
   * reach either listener.
   */
  public static final String HOME_NEW_SPEC = "home_new_spec";

  private ActionIds() {}

  /** The person picker on a question that hands it to a teammate. */
  public static final String HAND_OVER = "specbot_hand_over";

  /** The block holding a question's buttons and picker: names the interview and question. */
  public static String handOverBlock(String interviewId, int questionNumber) {
    return HAND_OVER + ":" + interviewId + ":" + questionNumber;
  }
}

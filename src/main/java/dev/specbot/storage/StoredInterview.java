package dev.specbot.storage;

import dev.specbot.interview.Interview;
import java.util.Objects;

/**
 * An interview as stored: the domain's interview and where it lives in Slack.
 *
 * @param interview the interview, its instants to the millisecond
 * @param place where it lives in Slack
 */
public record StoredInterview(Interview interview, SlackPlace place) {

  public StoredInterview {
    Objects.requireNonNull(interview, "null interview");
    Objects.requireNonNull(place, "null place");
  }
}

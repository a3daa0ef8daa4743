package dev.specbot.slack.github;

import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.interview.Status;
import dev.specbot.meeting.Meeting;
import dev.specbot.meeting.MeetingText;
import dev.specbot.review.Review;
import dev.specbot.review.Rule;
import dev.specbot.review.Stage;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.DocumentReviews;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.outbox.IssueLinks;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.Database;
import dev.specbot.storage.Optimistic;
import dev.specbot.storage.SpecIssue;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Publish to GitHub, pressed or written as {@code publish} in a finished spec's thread: only its
 * drafter may; the spec is rendered as its document stands (meeting, review) with no transaction
 * open, and its issue queued once (a second press, or Slack's retry of one, queues nothing).
 */
public final class GitHubActions {
  private final Database database;
  private final GitHubDesk desk;
  private final TemplateCatalog catalog;
  private final Clock clock;
  private final Runnable wake;

  public GitHubActions(
      Database database, GitHubDesk desk, TemplateCatalog catalog, Clock clock, Runnable wake) {
    this.database = database;
    this.desk = desk;
    this.catalog = catalog;
    this.clock = clock;
    this.wake = wake;
  }

  /** What publishing reads, in a short transaction. */
  public record Found(
      StoredInterview stored,
      Optional<SpecIssue> issue,
      Review review,
      Optional<Meeting> meeting,
      ZoneId zone,
      Map<String, String> names) {}

  /** The Publish to GitHub button under a just-finished spec, where it can be published. */
  public Optional<Delivery> offer(Interview interview, Template template) {
    return desk.offer(interview, template);
  }

  /** Whether a reply in a finished spec's thread asks to publish it: {@code publish}. */
  public boolean isPublishCommand(String text) {
    if (!desk.enabled() || text.length() > 40) {
      return false;
    }
    String said = text.strip().toLowerCase(java.util.Locale.ROOT);
    return said.equals("publish") || said.equals("publish to github");
  }

  /** Reads what {@link #publish} computes from. */
  public static Found read(Tx tx, StoredInterview stored) {
    Interview interview = stored.interview();
    String id = interview.id();
    Optional<Review> review = tx.reviews().find(id);
    return new Found(
        stored,
        tx.specIssues().find(id),
        review.orElseGet(() -> Review.none(id, interview.drafterId(), Rule.all())),
        tx.meetings().scheduledFor(id),
        Directory.stored(tx, interview.drafterId()).zone(),
        DocumentReviews.names(tx, review));
  }

  /** The button, keyed by its press so that Slack's retry of it does nothing. */
  public void press(String actionKey, String interviewId, String userId) {
    Instant now = clock.instant();
    var unused =
        Optimistic.once(
            database,
            "action:" + actionKey,
            interviewId,
            now,
            GitHubActions::read,
            found -> publish(found, userId, now));
    wake.run();
  }

  /** Publishing asked for by {@code userId}: the issue queued, or a note to them saying why not. */
  public Consumer<Tx> publish(Found found, String userId, Instant now) {
    Interview interview = found.stored().interview();
    Optional<String> refusal = refusal(found, userId);
    if (refusal.isPresent()) {
      Delivery note = Delivery.ephemeral(found.stored().place().channelId(), userId, refusal.get());
      return tx -> note.enqueue(tx, now);
    }
    Template template = catalog.find(interview.templateId()).orElseThrow();
    Delivery issue;
    try {
      issue = desk.publish(interview, template, markdown(found, template, now));
    } catch (IllegalArgumentException e) {
      Delivery note =
          Delivery.ephemeral(
              found.stored().place().channelId(),
              userId,
              "This spec cannot be published to GitHub: " + SlackText.escape(e.getMessage()) + ".");
      return tx -> note.enqueue(tx, now);
    }
    return tx -> issue.enqueue(tx, now);
  }

  /** Why {@code userId} cannot publish the spec now, if they cannot. */
  private Optional<String> refusal(Found found, String userId) {
    Interview interview = found.stored().interview();
    if (!desk.enabled()) {
      return Optional.of(
          "Publishing to GitHub is not set up here: whoever runs specbot can turn it on with"
              + " SPECBOT_GITHUB_TOKEN.");
    }
    if (!interview.drafterId().equals(userId)) {
      return Optional.of(
          "Only <@"
              + interview.drafterId()
              + ">, who drafted this spec, can publish it to GitHub.");
    }
    if (interview.status() != Status.FINISHED && interview.status() != Status.REVISING) {
      return Optional.of("Finish the spec first: it can be published once it is posted.");
    }
    Optional<Template> template = catalog.find(interview.templateId());
    if (template.isEmpty()) {
      return Optional.of("This spec's template is no longer installed, so it cannot be published.");
    }
    if (!desk.publishes(template.get())) {
      return Optional.of(
          "No GitHub repository is named for this spec: name one in its template (specbot:"
              + " github: owner/repo) or in SPECBOT_GITHUB_REPO.");
    }
    if (found.issue().isPresent()) {
      SpecIssue issue = found.issue().get();
      if (issue.state() == SpecIssue.State.PUBLISHED) {
        return Optional.of("This spec is already published as " + IssueLinks.link(issue) + ".");
      }
      if (issue.state() == SpecIssue.State.PUBLISHING) {
        return Optional.of(
            "This spec is being published to "
                + SlackText.escape(issue.repository())
                + " already; its link will appear here.");
      }
    }
    return Optional.empty();
  }

  /** The document as it stands: its meeting, and its review once it went to review. */
  public static String markdown(Found found, Template template, Instant now) {
    Review review = found.review();
    return new InterviewMachine(template, found.zone())
        .render(
            found.stored().interview(),
            now,
            found.meeting().map(MeetingText::of),
            review.stage() == Stage.DRAFT ? Optional.empty() : Optional.of(review.stage().label()),
            DocumentReviews.of(review, found.names(), found.zone()));
  }
}

package dev.specbot.slack.github;

import dev.specbot.Config;
import dev.specbot.github.IssueTitle;
import dev.specbot.github.Repository;
import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.review.Concern;
import dev.specbot.review.ReviewEffect;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.meetings.MeetingDesk;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.messages.ParentMessage;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.outbox.IssueLinks;
import dev.specbot.slack.outbox.IssueRequest;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.SpecIssue;
import dev.specbot.storage.Tx;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What publishing a spec to GitHub means here: where it goes, what its issue carries, the button
 * that offers it, the comments the review's events become, and what is said once it is made. Built
 * with no transaction open, except {@link #published}, which the outbox calls in the transaction
 * that records the issue.
 */
public final class GitHubDesk {
  private final Config.GitHub settings;
  private final TemplateCatalog catalog;

  public GitHubDesk(Config.GitHub settings, TemplateCatalog catalog) {
    this.settings = Objects.requireNonNull(settings, "null settings");
    this.catalog = Objects.requireNonNull(catalog, "null catalog");
  }

  /** Publishing turned off: no button, no command, no comments. */
  public static GitHubDesk off(TemplateCatalog catalog) {
    return new GitHubDesk(Config.GitHub.NONE, catalog);
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** Where the template's specs go: the repository it names, else SPECBOT_GITHUB_REPO. */
  Optional<String> repositoryFor(Template template) {
    return template.issue().repository().or(settings::repository);
  }

  /** Whether a spec of this template can be published: GitHub is set up, and a repository known. */
  public boolean publishes(Template template) {
    return enabled() && repositoryFor(template).isPresent();
  }

  /** The Publish to GitHub button under a finished spec, where its template can be published. */
  public Optional<Delivery> offer(Interview interview, Template template) {
    if (!publishes(template)) {
      return Optional.empty();
    }
    String repository = SlackText.escape(repositoryFor(template).orElseThrow());
    String text =
        template.issue().publishOnApproval()
            ? "This spec becomes an issue in *"
                + repository
                + "* once its review approves it; <@"
                + interview.drafterId()
                + "> can publish it now."
            : "<@"
                + interview.drafterId()
                + ">, publish this spec as an issue in *"
                + repository
                + "*? (Or write `publish` here.)";
    Message message =
        Message.withButtons(
            text,
            Message.buttonOf(
                ActionIds.PUBLISH_TO_GITHUB, "Publish to GitHub", interview.id(), "primary"));
    return Optional.of(Delivery.inThread(interview.id(), message));
  }

  /**
   * The spec's issue, its body {@code markdown}: the template's title pattern filled with the
   * spec's title, its labels and assignees, and the drafter where their login is known.
   *
   * @throws IllegalArgumentException when no repository is known, or it is not owner/repo
   */
  public Delivery publish(Interview interview, Template template, String markdown) {
    String repository =
        Repository.parse(
                repositoryFor(template)
                    .orElseThrow(() -> new IllegalArgumentException("no repository is named")))
            .toString();
    String title = IssueTitle.fill(template.issue().titlePattern().orElse(""), interview.title());
    List<String> assignees = new ArrayList<>(template.issue().assignees());
    Optional.ofNullable(settings.logins().get(interview.drafterId())).ifPresent(assignees::add);
    return Delivery.publishIssue(
        interview.id(),
        new IssueRequest(repository, title, template.issue().labels(), assignees),
        markdown);
  }

  /** Whether the spec is published as soon as its review approves it. */
  public boolean publishesOnApproval(Template template) {
    return publishes(template) && template.issue().publishOnApproval();
  }

  /**
   * The review's events as comments on the spec's issue; queued only if it has one (see {@code
   * GitHubLanes}). {@code names} are the people's names, by Slack id.
   */
  public List<Delivery> reviewed(
      String interviewId, List<ReviewEffect> effects, Map<String, String> names) {
    if (!enabled()) {
      return List.of();
    }
    List<Delivery> comments = new ArrayList<>();
    for (ReviewEffect effect : effects) {
      comment(effect, names)
          .ifPresent(markdown -> comments.add(Delivery.commentOnIssue(interviewId, markdown)));
    }
    return comments;
  }

  private static Optional<String> comment(ReviewEffect effect, Map<String, String> names) {
    if (effect instanceof ReviewEffect.Requested requested) {
      return Optional.of(
          "Review requested from "
              + requested.all().stream()
                  .map(id -> "**" + name(id, names) + "**")
                  .collect(Collectors.joining(", "))
              + ".");
    }
    if (effect instanceof ReviewEffect.Approved approved) {
      return Optional.of("**" + name(approved.by(), names) + "** approved the spec.");
    }
    if (effect instanceof ReviewEffect.ChangesRequested changes) {
      return Optional.of(
          "**"
              + name(changes.by(), names)
              + "** requested changes"
              + changes.section().map(s -> " to *" + GitHubText.inline(s) + "*").orElse("")
              + ":\n\n"
              + GitHubText.quoted(changes.text()));
    }
    if (effect instanceof ReviewEffect.ConcernRaised raised) {
      Concern concern = raised.concern();
      return Optional.of(
          "**"
              + name(concern.authorId(), names)
              + "** raised the concern **"
              + GitHubText.inline(concern.name())
              + "**, which blocks approval until it is resolved:\n\n"
              + GitHubText.quoted(concern.text()));
    }
    if (effect instanceof ReviewEffect.ConcernResolved resolved) {
      return Optional.of(
          "**"
              + name(resolved.concern().authorId(), names)
              + "** resolved the concern **"
              + GitHubText.inline(resolved.concern().name())
              + "**.");
    }
    if (effect instanceof ReviewEffect.StageChanged changed) {
      return Optional.of(
          "Status: **" + changed.from().label() + "** → **" + changed.to().label() + "**.");
    }
    // Comments stay in the thread, where they were written; boards and refusals are Slack's.
    return Optional.empty();
  }

  private static String name(String userId, Map<String, String> names) {
    return GitHubText.inline(names.getOrDefault(userId, userId));
  }

  /**
   * The spec's issue was made: say so in the thread, and edit the parent, whose every edit from now
   * on carries the issue's link. In the transaction that records the issue; light (no document).
   */
  public void published(Tx tx, SpecIssue issue, Instant now) {
    String id = issue.interviewId();
    Delivery.forInterview(
            Delivery.Kind.POST_IN_THREAD,
            id,
            "Published to GitHub as " + IssueLinks.link(issue) + ".",
            null)
        .enqueue(tx, now);
    tx.interviews()
        .find(id)
        .ifPresent(
            stored -> {
              Interview interview = stored.interview();
              catalog
                  .find(interview.templateId())
                  .ifPresent(
                      template -> {
                        InterviewMachine machine =
                            new InterviewMachine(
                                template, Directory.stored(tx, interview.drafterId()).zone());
                        Message parent =
                            ParentMessage.of(
                                interview,
                                template,
                                machine.progressOf(interview),
                                ParentMessage.lines(
                                    MeetingDesk.meetingLine(tx, id), tx.reviews().find(id)));
                        Delivery.forInterview(
                                Delivery.Kind.UPDATE_PARENT, id, parent.text(), parent.blocks())
                            .enqueue(tx, now);
                      });
            });
  }
}

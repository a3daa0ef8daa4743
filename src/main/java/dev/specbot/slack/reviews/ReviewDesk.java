package dev.specbot.slack.reviews;

import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.meeting.Meeting;
import dev.specbot.meeting.MeetingText;
import dev.specbot.review.Review;
import dev.specbot.review.ReviewEffect;
import dev.specbot.review.ReviewInput;
import dev.specbot.review.ReviewMachine;
import dev.specbot.review.ReviewTransition;
import dev.specbot.review.Rule;
import dev.specbot.review.Stage;
import dev.specbot.review.Suggestions;
import dev.specbot.slack.github.GitHubDesk;
import dev.specbot.slack.meetings.MeetingDesk;
import dev.specbot.slack.messages.DocumentReviews;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.messages.ParentMessage;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.tickets.TicketActions;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import dev.specbot.template.Question;
import dev.specbot.template.ReviewRecord;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The review of a posted spec: what its thread's review commands and the reviewers' buttons do. The
 * review machine's step, its messages and the document it changes are computed here with no
 * transaction open; the writes come back to be taken in one.
 */
public final class ReviewDesk {
  private final TemplateCatalog catalog;
  private final ReviewMachine machine;
  private final ReviewMachine keepingApprovals = new ReviewMachine(true);
  private final Rule rule;
  private final ReviewNudges nudges;
  private final Directory directory;
  private final GitHubDesk gitHub;

  public ReviewDesk(
      TemplateCatalog catalog,
      ReviewMachine machine,
      Rule rule,
      ReviewNudges nudges,
      Directory directory) {
    this(catalog, machine, rule, nudges, directory, GitHubDesk.off(catalog));
  }

  /** The same, the review's events commented on the spec's GitHub issue, if it has one. */
  public ReviewDesk(
      TemplateCatalog catalog,
      ReviewMachine machine,
      Rule rule,
      ReviewNudges nudges,
      Directory directory,
      GitHubDesk gitHub) {
    this.catalog = catalog;
    this.machine = machine;
    this.rule = rule;
    this.nudges = nudges;
    this.directory = directory;
    this.gitHub = gitHub;
  }

  /** What work on a posted spec's review reads before it computes. */
  public record Posted(
      StoredInterview stored,
      Review review,
      Optional<Meeting> meeting,
      Optional<String> meetingLine,
      ZoneId zone,
      Map<String, String> names) {
    Interview interview() {
      return stored.interview();
    }
  }

  /** Reads what {@link #written} computes from. */
  public Posted readPosted(Tx tx, StoredInterview stored) {
    Interview interview = stored.interview();
    Review review = reviewOf(tx, interview);
    return new Posted(
        stored,
        review,
        tx.meetings().scheduledFor(interview.id()),
        MeetingDesk.meetingLine(tx, interview.id()),
        Directory.stored(tx, interview.drafterId()).zone(),
        DocumentReviews.names(tx, Optional.of(review)));
  }

  /** The review as stored, or one nobody has asked for yet. */
  public Review reviewOf(Tx tx, Interview interview) {
    return tx.reviews()
        .find(interview.id())
        .orElseGet(() -> Review.none(interview.id(), interview.drafterId(), ruleFor(interview)));
  }

  /** The approval rule the spec's template asks for; the default one if it says nothing. */
  private Rule ruleFor(Interview interview) {
    return catalog
        .find(interview.templateId())
        .map(Template::review)
        .map(settings -> settings.majority() ? Rule.majority(settings.maxOutstanding()) : rule)
        .orElse(rule);
  }

  /**
   * The spec was just posted: offer to ask for reviews, suggesting the people it names. Built here,
   * with no transaction open; the caller posts it.
   */
  public Message offer(Interview interview, Template template) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Question question : template.questions()) {
      Optional.ofNullable(interview.answers().get(question.id()))
          .ifPresent(answer -> answers.put(question.title(), answer));
    }
    return ReviewMessages.offer(
        interview.id(), Suggestions.reviewers(answers, interview.drafterId()));
  }

  /** The short form for a request for changes or a comment on the spec, if its template is here. */
  Optional<com.slack.api.model.view.View> form(ReviewForm.Kind kind, Interview interview) {
    return catalog
        .find(interview.templateId())
        .map(template -> ReviewForm.of(kind, interview.id(), template));
  }

  /** A review command or button, by anyone: the step, what is said, the document if it moved. */
  public Consumer<Tx> written(Posted posted, ReviewInput input, Instant now) {
    return written(posted, machineFor(posted).apply(posted.review(), input, now), true, now);
  }

  /** The machine the spec's template asks for: whether edits nobody commented on keep approvals. */
  private ReviewMachine machineFor(Posted posted) {
    boolean keep =
        catalog
            .find(posted.interview().templateId())
            .map(template -> template.review().keepApprovals())
            .orElse(false);
    return keep ? keepingApprovals : machine;
  }

  /**
   * The drafter changed an answer of a posted spec: approvals given before go stale. The caller
   * posts the changed document itself, with the review's new status.
   */
  public Edit answerChanged(
      Posted posted, String section, String before, String after, Instant now) {
    Interview interview = posted.interview();
    ReviewTransition transition =
        machineFor(posted)
            .apply(
                posted.review(),
                new ReviewInput.AnswerChanged(interview.drafterId(), section, before, after),
                now);
    Review review = transition.review();
    return new Edit(
        review.stage() == Stage.DRAFT ? Optional.empty() : Optional.of(review.stage().label()),
        DocumentReviews.of(review, posted.names(), posted.zone()),
        parentLine(posted.meetingLine(), review),
        written(posted, transition, false, now));
  }

  /**
   * What an edit does to the review: the document's status, the parent's line, the writes.
   *
   * @param status the status the document shows, once the spec went to review
   * @param record the approvals and events the document shows
   * @param parentLine the meeting's and the review's line for the parent message
   * @param change the review's writes and what it says
   */
  public record Edit(
      Optional<String> status,
      ReviewRecord record,
      Optional<String> parentLine,
      Consumer<Tx> change) {}

  private Consumer<Tx> written(
      Posted posted, ReviewTransition transition, boolean postDocument, Instant now) {
    List<Delivery> said = said(posted, transition, postDocument, now);
    said.addAll(gitHub.reviewed(posted.interview().id(), transition.effects(), posted.names()));
    Review review = transition.review();
    boolean approved =
        postDocument
            && transition.effects().stream()
                .anyMatch(
                    effect ->
                        effect instanceof ReviewEffect.StageChanged changed
                            && changed.to() == Stage.APPROVED);
    boolean asked =
        transition.effects().stream().anyMatch(ReviewEffect.Requested.class::isInstance);
    if (asked) {
      // Their names for the document and their time zones for the nudges, fetched meanwhile.
      review.notYetResponded().forEach(directory::warm);
    }
    return tx -> {
      tx.reviews().save(review, now);
      said.forEach(delivery -> delivery.enqueue(tx, now));
      if (asked) {
        nudges.asked(tx, review, now);
      }
      if (approved) {
        TicketActions.approved(tx, posted.interview(), now);
      }
    };
  }

  private static Optional<String> parentLine(Optional<String> meetingLine, Review review) {
    return ParentMessage.lines(meetingLine, Optional.of(review));
  }

  private List<Delivery> said(
      Posted posted, ReviewTransition transition, boolean postDocument, Instant now) {
    List<Delivery> said = new ArrayList<>();
    for (ReviewEffect effect : transition.effects()) {
      said.addAll(said(posted, transition.review(), effect, postDocument, now));
    }
    if (postDocument && !transition.review().equals(posted.review())) {
      parentUpdate(posted, transition.review()).ifPresent(said::add);
      if (transition.effects().stream().noneMatch(ReviewEffect.StageChanged.class::isInstance)) {
        // A verdict, a concern, a comment: the canvas shows the review as it stands.
        Review review = transition.review();
        Optional<String> status =
            review.stage() == Stage.DRAFT ? Optional.empty() : Optional.of(review.stage().label());
        rendered(posted, review, status, now)
            .ifPresent(markdown -> said.add(canvas(posted.interview(), markdown)));
      }
    }
    return said;
  }

  private List<Delivery> said(
      Posted posted, Review review, ReviewEffect effect, boolean postDocument, Instant now) {
    Interview interview = posted.interview();
    String id = interview.id();
    if (effect instanceof ReviewEffect.Requested requested) {
      List<Delivery> said = new ArrayList<>();
      said.add(
          Delivery.inThread(
              id, ReviewMessages.requested(requested.newReviewers(), requested.all())));
      List<String> asked =
          requested.newReviewers().isEmpty() ? requested.all() : requested.newReviewers();
      Message ask =
          ReviewMessages.askToReview(
              id, interview.title(), interview.drafterId(), posted.stored().place().permalink());
      asked.forEach(reviewer -> said.add(Delivery.direct(id, reviewer, ask)));
      return said;
    }
    if (effect instanceof ReviewEffect.ApprovalsStale stale) {
      Message notice =
          ReviewMessages.stale(interview.title(), stale.section(), stale.before(), stale.after());
      return stale.reviewers().stream()
          .map(reviewer -> Delivery.direct(id, reviewer, notice))
          .toList();
    }
    if (effect instanceof ReviewEffect.Board) {
      return List.of(Delivery.inThread(id, ReviewMessages.board(review)));
    }
    if (effect instanceof ReviewEffect.Refused refused) {
      return List.of(
          Delivery.ephemeral(
              posted.stored().place().channelId(),
              refused.userId(),
              ReviewMessages.refusal(refused)));
    }
    if (effect instanceof ReviewEffect.Commented) {
      return List.of(); // The comment is in the thread already, in its author's words: kept.
    }
    List<Delivery> said = new ArrayList<>();
    said.add(Delivery.inThread(id, ReviewMessages.said(effect)));
    if (postDocument && effect instanceof ReviewEffect.StageChanged changed) {
      said.addAll(documentChanged(posted, review, changed.to(), now));
    }
    return said;
  }

  /** The document posted again with its new status, when the stage moved. */
  private List<Delivery> documentChanged(Posted posted, Review review, Stage stage, Instant now) {
    Interview interview = posted.interview();
    Optional<Template> template = catalog.find(interview.templateId());
    if (template.isEmpty()) {
      return List.of(); // The template was removed: the document cannot be assembled again.
    }
    String markdown = rendered(posted, template.get(), review, Optional.of(stage.label()), now);
    Delivery document =
        Delivery.fileInThread(
            interview.id(),
            "The spec, updated: " + stage.label() + ".",
            SpecRenderer.fileName(interview.title()),
            markdown);
    if (stage == Stage.APPROVED && gitHub.publishesOnApproval(template.get())) {
      // Queued once: a spec already on GitHub has its body edited by the document instead.
      return List.of(
          document,
          canvas(interview, markdown),
          gitHub.publish(interview, template.get(), markdown));
    }
    return List.of(document, canvas(interview, markdown));
  }

  /** The document with the review as it stands; empty if its template was removed. */
  private Optional<String> rendered(
      Posted posted, Review review, Optional<String> status, Instant now) {
    return catalog
        .find(posted.interview().templateId())
        .map(template -> rendered(posted, template, review, status, now));
  }

  private static String rendered(
      Posted posted, Template template, Review review, Optional<String> status, Instant now) {
    return new InterviewMachine(template, posted.zone())
        .render(
            posted.interview(),
            now,
            posted.meeting().map(MeetingText::of),
            status,
            DocumentReviews.of(review, posted.names(), posted.zone()));
  }

  private static Delivery canvas(Interview interview, String markdown) {
    return Delivery.canvas(interview.id(), interview.title(), markdown);
  }

  /** The parent message with the review's line as it now stands. */
  private Optional<Delivery> parentUpdate(Posted posted, Review review) {
    Interview interview = posted.interview();
    return catalog
        .find(interview.templateId())
        .map(
            template -> {
              Message parent =
                  ParentMessage.of(
                      interview,
                      template,
                      new InterviewMachine(template, posted.zone()).progressOf(interview),
                      parentLine(posted.meetingLine(), review));
              return Delivery.forInterview(
                  Delivery.Kind.UPDATE_PARENT, interview.id(), parent.text(), parent.blocks());
            });
  }
}

package dev.specbot.slack.meetings;

import dev.specbot.Config;
import dev.specbot.discussion.Agenda;
import dev.specbot.discussion.DecisionLog;
import dev.specbot.discussion.DecisionReplies;
import dev.specbot.discussion.DecisionReply;
import dev.specbot.interview.Interview;
import dev.specbot.meeting.Meeting;
import dev.specbot.review.Review;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.Discussions;
import dev.specbot.storage.SpecIssue;
import dev.specbot.storage.SpecTicket;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The discussion meeting itself: its agenda in the thread as it starts, the drafter asked what was
 * decided as it ends, and their replies from then on, until they say that is all, recorded as
 * decisions and owned follow-ups (each once, by its reply) and written into the document; a
 * follow-up also becomes a GitHub issue where the spec is on GitHub. The rules are in {@code
 * dev.specbot.discussion}.
 */
public final class DiscussionDesk {
  /** Where a follow-up made an issue is filed among the spec's tickets. */
  static final String FOLLOW_UPS = "Follow-ups from the discussion";

  /** The longest follow-up title given to GitHub (which takes 256 characters). */
  private static final int MAX_TITLE = 120;

  private final TemplateCatalog catalog;
  private final MeetingFiles files;
  private final Config.GitHub gitHub;

  DiscussionDesk(TemplateCatalog catalog, MeetingFiles files, Config.GitHub gitHub) {
    this.catalog = catalog;
    this.files = files;
    this.gitHub = gitHub;
  }

  /** The meeting starts: its agenda in the thread, in the reminder's transaction. */
  void agenda(Tx tx, StoredInterview stored, Meeting meeting, Instant now) {
    Interview interview = stored.interview();
    Optional<Template> template = catalog.find(interview.templateId());
    if (template.isEmpty()) {
      return; // The template was removed: its sections are not known.
    }
    Agenda agenda =
        Agenda.of(
            template.get(),
            interview.answers(),
            tx.reviews().find(interview.id()).map(Review::concerns).orElse(List.of()),
            meeting.attendeeIds(),
            tx.reads().readers(interview.id()));
    say(
        tx,
        interview.id(),
        DiscussionMessages.agenda(agenda, interview.title(), stored.place().permalink()),
        now);
  }

  /** The meeting is over: the drafter is asked what was decided, and their replies are taken. */
  void askForDecisions(Tx tx, StoredInterview stored, Instant now) {
    Interview interview = stored.interview();
    Optional<String> section = catalog.find(interview.templateId()).flatMap(t -> t.decisions());
    tx.discussions().collect(interview.id(), section, now);
    say(
        tx,
        interview.id(),
        DiscussionMessages.askForDecisions(
            interview.id(), interview.drafterId(), interview.title()),
        now);
  }

  /**
   * What a reply while decisions are taken reads before it computes.
   *
   * @param onGitHub whether a follow-up becomes a GitHub issue: the spec's template is published,
   *     and the spec is (or is being) published
   * @param tickets how many tickets the spec has, to place a new one after them
   */
  public record Collecting(MeetingDesk.Posted posted, boolean onGitHub, int tickets) {}

  /** The spec's discussion, when the drafter's replies are decisions now. */
  public Optional<Collecting> readCollecting(Tx tx, MeetingDesk desk, StoredInterview stored) {
    String id = stored.interview().id();
    boolean collecting =
        tx.discussions().find(id).map(Discussions.Discussion::collecting).orElse(false);
    if (!collecting) {
      return Optional.empty();
    }
    boolean published =
        tx.specIssues()
            .find(id)
            .map(issue -> issue.state() != SpecIssue.State.REFUSED)
            .orElse(false);
    boolean onGitHub =
        published
            && catalog.find(stored.interview().templateId()).map(this::publishes).orElse(false);
    return Optional.of(
        new Collecting(desk.readPosted(tx, stored), onGitHub, tx.specTickets().of(id).size()));
  }

  /**
   * The drafter's reply while decisions are taken: read and, for {@code done}, the document built
   * here, with no transaction open; the writes come back.
   */
  public Consumer<Tx> written(Collecting collecting, String ts, String text, Instant now) {
    Interview interview = collecting.posted().interview();
    LocalDate day = now.atZone(collecting.posted().zone()).toLocalDate();
    DecisionReply reply = DecisionReplies.read(text);
    if (reply instanceof DecisionReply.Decision decision) {
      Discussions.Decision recorded =
          new Discussions.Decision(
              interview.id(), ts, decision.text(), Optional.empty(), Optional.empty(), day);
      return tx -> record(tx, collecting, recorded, now);
    }
    if (reply instanceof DecisionReply.FollowUp followUp) {
      return tx -> followUp(tx, collecting, ts, followUp, day, now);
    }
    if (reply instanceof DecisionReply.Unclear unclear) {
      return tx -> say(tx, interview.id(), DiscussionMessages.unclear(unclear.reason()), now);
    }
    return closed(collecting, day, now); // done, or no decisions
  }

  private void followUp(
      Tx tx,
      Collecting collecting,
      String ts,
      DecisionReply.FollowUp followUp,
      LocalDate day,
      Instant now) {
    String id = collecting.posted().interview().id();
    String owner = ownerName(tx, followUp);
    Discussions.Decision decision =
        new Discussions.Decision(
            id, ts, followUp.task(), followUp.ownerId(), Optional.of(owner), day);
    if (record(tx, collecting, decision, now) && collecting.onGitHub()) {
      ticket(tx, collecting, decision, now);
    }
  }

  /** The owner as the document names them: their name as stored, else as written. */
  private static String ownerName(Tx tx, DecisionReply.FollowUp followUp) {
    return followUp
        .ownerId()
        .flatMap(userId -> tx.people().find(userId))
        .map(known -> known.person().name())
        .or(() -> Optional.of(followUp.ownerLabel()).filter(label -> !label.isBlank()))
        .orElseGet(() -> "@" + followUp.ownerId().orElse(followUp.ownerLabel()));
  }

  /**
   * The follow-up as a ticket, queued as a GitHub issue behind the spec's own: its title the task
   * (shortened to fit one), its body the whole task and its owner, with their GitHub login where it
   * is known so that GitHub tells them.
   */
  private void ticket(Tx tx, Collecting collecting, Discussions.Decision decision, Instant now) {
    String login =
        decision
            .ownerId()
            .map(userId -> gitHub.logins().get(userId))
            .map(found -> " (@" + found + ")")
            .orElse("");
    String body =
        decision.text()
            + "\n\nOwner: "
            + decision.ownerName().orElseThrow()
            + login
            + "\n\nA follow-up agreed in the spec's discussion on "
            + decision.decidedOn()
            + ".";
    String key = DecisionLog.followUpTicketKey(decision.messageTs());
    String title = Message.cut(decision.text().strip(), MAX_TITLE);
    if (tx.specTickets()
        .add(
            decision.interviewId(),
            key,
            collecting.tickets(),
            title,
            FOLLOW_UPS,
            body,
            SpecTicket.State.CREATING,
            now)) {
      Delivery.createTicket(decision.interviewId(), key).enqueue(tx, now);
    }
  }

  /** Records a decision once, and says so: false when the reply was recorded before. */
  private static boolean record(
      Tx tx, Collecting collecting, Discussions.Decision decision, Instant now) {
    if (!tx.discussions().record(decision, now)) {
      return false;
    }
    List<Discussions.Decision> all = tx.discussions().of(decision.interviewId());
    int followUps = (int) all.stream().filter(Discussions.Decision::isFollowUp).count();
    String owner =
        decision
            .ownerId()
            .map(userId -> "<@" + userId + ">")
            .or(() -> decision.ownerName().map(SlackText::escape))
            .orElse("");
    String onGitHub =
        decision.isFollowUp() && collecting.onGitHub() ? " It becomes a GitHub issue." : "";
    Message noted =
        DiscussionMessages.noted(decision.isFollowUp(), owner, all.size() - followUps, followUps);
    say(tx, decision.interviewId(), Message.say(noted.text() + onGitHub), now);
    return true;
  }

  /** That is all: the discussion closed once, the document posted again with the decisions. */
  private Consumer<Tx> closed(Collecting collecting, LocalDate day, Instant now) {
    List<Delivery> document = files.decisionsRecorded(collecting.posted(), now);
    String id = collecting.posted().interview().id();
    return tx -> {
      if (!tx.discussions().close(id, day, now)) {
        return; // Closed already: Slack sent the reply again, or another bot took it.
      }
      List<Discussions.Decision> all = tx.discussions().of(id);
      int followUps = (int) all.stream().filter(Discussions.Decision::isFollowUp).count();
      say(tx, id, DiscussionMessages.closed(all.size() - followUps, followUps), now);
      document.forEach(delivery -> delivery.enqueue(tx, now));
    };
  }

  /**
   * The drafter pressed That's all: as writing {@code done}. Nothing when the decisions were closed
   * already (Slack sent the press again, or {@code done} was written first).
   */
  Consumer<Tx> done(MeetingDesk.Posted posted, Instant now) {
    LocalDate day = now.atZone(posted.zone()).toLocalDate();
    return closed(new Collecting(posted, false, 0), day, now);
  }

  /** Whether a spec of this template can be published to GitHub. */
  private boolean publishes(Template template) {
    return gitHub.enabled() && template.issue().repository().or(gitHub::repository).isPresent();
  }

  private static void say(Tx tx, String interviewId, Message message, Instant now) {
    Delivery.inThread(interviewId, message).enqueue(tx, now);
  }
}

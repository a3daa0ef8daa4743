package dev.specbot.slack.tickets;

import com.slack.api.model.view.View;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.github.GitHubActions;
import dev.specbot.slack.github.GitHubDesk;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.Database;
import dev.specbot.storage.Optimistic;
import dev.specbot.storage.SpecIssue;
import dev.specbot.storage.SpecTicket;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import dev.specbot.tickets.ActionItems;
import dev.specbot.tickets.Proposals;
import dev.specbot.tickets.Ticket;
import dev.specbot.tickets.TicketChecklist;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Tickets from a finished spec's action items, for its drafter only: the Propose tickets button
 * (posted once when the spec is approved, or on {@code tickets}) opens the {@link TicketForm}; the
 * form sent records each chosen ticket once (a form sent again, or Slack's retry of it, records
 * nothing twice) and queues its GitHub issue, or, without GitHub, writes them into the document as
 * a checklist. Once they are all made, the document (whose process step of making tickets is then
 * ticked) is posted again and the thread hears the list.
 */
public final class TicketActions {
  private final Database database;
  private final TemplateCatalog catalog;
  private final GitHubDesk gitHubDesk;
  private final GitHubActions gitHub;
  private final Clock clock;
  private final Runnable wake;

  public TicketActions(
      Database database,
      TemplateCatalog catalog,
      GitHubDesk gitHubDesk,
      GitHubActions gitHub,
      Clock clock,
      Runnable wake) {
    this.database = database;
    this.catalog = catalog;
    this.gitHubDesk = gitHubDesk;
    this.gitHub = gitHub;
    this.clock = clock;
    this.wake = wake;
  }

  /** What the form and its submission read, in a short transaction. */
  record Found(GitHubActions.Found spec, List<SpecTicket> tickets) {
    StoredInterview stored() {
      return spec.stored();
    }

    Interview interview() {
      return spec.stored().interview();
    }

    /** The keys of the tickets made or being made: not proposed again. */
    Set<String> taken() {
      return tickets.stream()
          .filter(ticket -> ticket.state() != SpecTicket.State.REFUSED)
          .map(SpecTicket::key)
          .collect(Collectors.toSet());
    }
  }

  static Found read(Tx tx, StoredInterview stored) {
    return new Found(GitHubActions.read(tx, stored), tx.specTickets().of(stored.interview().id()));
  }

  /** Whether a reply in a finished spec's thread asks for tickets: {@code tickets}. */
  public static boolean isTicketsCommand(String text) {
    if (text.length() > 40) {
      return false;
    }
    String said = text.strip().toLowerCase(Locale.ROOT);
    return said.equals("tickets") || said.equals("propose tickets");
  }

  /** The spec was approved: the Propose tickets button, posted once per spec. */
  public static void approved(Tx tx, Interview interview, Instant now) {
    if (tx.events().firstTimeFor(interview.id(), "tickets-offered:" + interview.id(), now)) {
      offer(interview, "This spec is approved.").enqueue(tx, now);
    }
  }

  /**
   * {@code tickets} written in the thread: the button for the drafter (a typed command brings no
   * trigger to open a form with), a private note for anyone else.
   */
  public static Consumer<Tx> written(StoredInterview stored, String userId, Instant now) {
    Interview interview = stored.interview();
    Delivery said =
        interview.drafterId().equals(userId)
            ? offer(interview, "")
            : Delivery.ephemeral(stored.place().channelId(), userId, notDrafter(interview));
    return tx -> said.enqueue(tx, now);
  }

  private static Delivery offer(Interview interview, String before) {
    String text =
        (before.isEmpty() ? "" : before + " ")
            + "<@"
            + interview.drafterId()
            + ">, turn its action items into tickets? (Or write `tickets` here.)";
    Message message =
        Message.withButtons(
            text,
            Message.buttonOf(ActionIds.PROPOSE_TICKETS, "Propose tickets", interview.id(), null));
    return Delivery.inThread(interview.id(), message);
  }

  private static String notDrafter(Interview interview) {
    return "Only <@" + interview.drafterId() + ">, who drafted this spec, can create its tickets.";
  }

  /**
   * Slack would not open the form (its trigger had expired, or Slack failed): the drafter is told
   * privately, and a new press opens it.
   */
  public void formNotOpened(String channel, String userId) {
    Instant now = clock.instant();
    database.transaction(
        tx ->
            Delivery.ephemeral(
                    channel,
                    userId,
                    "Slack would not open the ticket form just now. Press *Propose tickets*"
                        + " again.")
                .enqueue(tx, now));
    wake.run();
  }

  /**
   * The button pressed: the form for the drafter, to open at once (its trigger expires within
   * seconds); for anyone else a private note, once per press, and no form.
   */
  public Optional<View> press(String actionKey, String interviewId, String userId) {
    Optional<Found> found =
        database.transaction(
            tx -> tx.interviews().find(interviewId).map(stored -> read(tx, stored)));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> refusal = refusal(found.get(), userId);
    if (refusal.isPresent()) {
      Instant now = clock.instant();
      String channel = found.get().stored().place().channelId();
      var unused =
          Optimistic.once(
              database,
              "action:" + actionKey,
              interviewId,
              now,
              (tx, stored) -> refusal.get(),
              text -> tx -> Delivery.ephemeral(channel, userId, text).enqueue(tx, now));
      wake.run();
      return Optional.empty();
    }
    // Slack sends a press again when it was not acknowledged in time: one form is enough.
    Instant now = clock.instant();
    if (!database.transaction(
        tx -> tx.events().firstTimeFor(interviewId, "action:" + actionKey, now))) {
      return Optional.empty();
    }
    Template template = catalog.find(found.get().interview().templateId()).orElseThrow();
    Proposals proposals = proposals(found.get(), template);
    return Optional.of(TicketForm.of(interviewId, proposals, destination(template)));
  }

  /** The form sent by {@code userId}: keyed by its view and hash, so Slack's retry does nothing. */
  public void submitted(
      String formKey, String interviewId, String userId, TicketChoice.Chosen chosen) {
    Instant now = clock.instant();
    var unused =
        Optimistic.once(
            database,
            "view:" + formKey,
            interviewId,
            now,
            TicketActions::read,
            found -> chosen(found, userId, chosen, now));
    wake.run();
  }

  private Consumer<Tx> chosen(Found found, String userId, TicketChoice.Chosen chosen, Instant now) {
    String channel = found.stored().place().channelId();
    Optional<String> refusal = refusal(found, userId);
    if (refusal.isPresent()) {
      return tx -> Delivery.ephemeral(channel, userId, refusal.get()).enqueue(tx, now);
    }
    Template template = catalog.find(found.interview().templateId()).orElseThrow();
    List<Ticket> picked = proposals(found, template).pick(chosen.titles());
    if (picked.isEmpty()) {
      return tx ->
          Delivery.ephemeral(
                  channel,
                  userId,
                  "Those tickets are made already: nothing new to create. Write `tickets` here to"
                      + " see what is left.")
              .enqueue(tx, now);
    }
    return switch (destination(template)) {
      case GITHUB_ISSUES -> issues(found, userId, picked, now);
      case CHECKLIST -> checklist(found, template, picked, now);
    };
  }

  /**
   * Each ticket recorded and its issue queued, behind the spec's own issue in its lane: a ticket
   * links back to the spec's issue, so a spec not yet on GitHub is published first.
   */
  private Consumer<Tx> issues(Found found, String userId, List<Ticket> picked, Instant now) {
    String id = found.interview().id();
    boolean unpublished =
        found.spec().issue().map(issue -> issue.state() == SpecIssue.State.REFUSED).orElse(true);
    Consumer<Tx> publish = unpublished ? gitHub.publish(found.spec(), userId, now) : tx -> {};
    return tx -> {
      publish.accept(tx);
      int added = 0;
      for (int i = 0; i < picked.size(); i++) {
        Ticket ticket = picked.get(i);
        if (record(tx, id, i, ticket, SpecTicket.State.CREATING, now)) {
          Delivery.createTicket(id, ticket.key()).enqueue(tx, now);
          added++;
        }
      }
      if (added > 0) {
        Delivery.forInterview(
                Delivery.Kind.POST_IN_THREAD,
                id,
                "Creating "
                    + count(added)
                    + " as GitHub issues"
                    + (unpublished ? ", once this spec is published," : "")
                    + " linking back to the spec; I'll list them here when they are made.",
                null)
            .enqueue(tx, now);
      }
    };
  }

  /** Without GitHub: the tickets written into the document, posted again at once. */
  private Consumer<Tx> checklist(Found found, Template template, List<Ticket> picked, Instant now) {
    String id = found.interview().id();
    String markdown = GitHubActions.markdown(found.spec(), template, now);
    Consumer<Tx> repost = reposted(found.interview(), markdown, now);
    return tx -> {
      boolean added = false;
      for (int i = 0; i < picked.size(); i++) {
        added |= record(tx, id, i, picked.get(i), SpecTicket.State.CREATED, now);
      }
      if (added) {
        repost.accept(tx);
      }
    };
  }

  private static boolean record(
      Tx tx, String interviewId, int position, Ticket ticket, SpecTicket.State state, Instant now) {
    return tx.specTickets()
        .add(
            interviewId,
            ticket.key(),
            position,
            ticket.title(),
            ticket.section(),
            ticket.body(),
            state,
            now);
  }

  /**
   * All of the spec's tickets are made (or refused): the thread hears the list, and the document is
   * posted again with them, once for each settled set. Called by the outbox after its commit.
   */
  public void made(String interviewId) {
    Optimistic.run(
        database,
        tx -> {
          Optional<StoredInterview> stored = tx.interviews().find(interviewId);
          if (stored.isEmpty()) {
            return Optimistic.done(null);
          }
          Found found = read(tx, stored.get());
          Optional<Template> template = catalog.find(stored.get().interview().templateId());
          if (template.isEmpty()) {
            return Optimistic.done(null);
          }
          long version = tx.interviews().version(interviewId);
          return Optimistic.compute(
              interviewId,
              version,
              () -> {
                Consumer<Tx> repost =
                    reposted(
                        found.interview(),
                        GitHubActions.markdown(found.spec(), template.get(), clock.instant()),
                        clock.instant());
                return write -> {
                  repost.accept(write);
                  return null;
                };
              });
        });
    wake.run();
  }

  /**
   * The list said in the thread, the document and canvas posted again (the stored tickets are added
   * to them as they are queued), once for the set of tickets settled so far.
   */
  private static Consumer<Tx> reposted(Interview interview, String markdown, Instant now) {
    String id = interview.id();
    boolean ticksStep = TicketChecklist.hasOpenTicketStep(markdown);
    return tx -> {
      List<SpecTicket> tickets = tx.specTickets().of(id);
      List<SpecTicket> created =
          tickets.stream().filter(t -> t.state() == SpecTicket.State.CREATED).toList();
      if (created.isEmpty()
          || tickets.stream().anyMatch(t -> t.state() == SpecTicket.State.CREATING)
          || !tx.events().firstTimeFor(id, "tickets-made:" + id + ":" + tickets.size(), now)) {
        return;
      }
      Delivery.forInterview(Delivery.Kind.POST_IN_THREAD, id, said(created, ticksStep), null)
          .enqueue(tx, now);
      Delivery.fileInThread(
              id, "The spec, with its tickets.", SpecRenderer.fileName(interview.title()), markdown)
          .enqueue(tx, now);
      Delivery.canvas(id, interview.title(), markdown).enqueue(tx, now);
    };
  }

  /** The tickets made, as the thread hears them: each linked to its issue, if it has one. */
  static String said(List<SpecTicket> created, boolean ticksStep) {
    boolean issues = created.stream().anyMatch(t -> t.url().isPresent());
    StringBuilder text =
        new StringBuilder(
            issues
                ? "Tickets created: " + count(created.size()) + "."
                : "Added " + count(created.size()) + " to the spec as a checklist.");
    if (ticksStep) {
      text.append(" The spec's step of turning it into tickets is ticked.");
    }
    for (SpecTicket ticket : created) {
      text.append("\n• ");
      if (ticket.url().isPresent()) {
        text.append("<")
            .append(SlackText.escape(ticket.url().get()))
            .append("|#")
            .append(ticket.number().map(String::valueOf).orElse(""))
            .append("> ");
      }
      text.append(SlackText.escape(ticket.title()));
    }
    return text.toString();
  }

  private static String count(int tickets) {
    return tickets == 1 ? "1 ticket" : tickets + " tickets";
  }

  private Proposals proposals(Found found, Template template) {
    return ActionItems.propose(template, found.interview().answers(), found.taken());
  }

  /** Each ticket an issue where the spec can be published; else a checklist in the spec. */
  private TicketForm.Destination destination(Template template) {
    return gitHubDesk.publishes(template)
        ? TicketForm.Destination.GITHUB_ISSUES
        : TicketForm.Destination.CHECKLIST;
  }

  /** Why {@code userId} cannot make the spec's tickets now, if they cannot. */
  private Optional<String> refusal(Found found, String userId) {
    Interview interview = found.interview();
    if (!interview.drafterId().equals(userId)) {
      return Optional.of(notDrafter(interview));
    }
    if (interview.status() != Status.FINISHED && interview.status() != Status.REVISING) {
      return Optional.of("Finish the spec first: its tickets can be made once it is posted.");
    }
    if (catalog.find(interview.templateId()).isEmpty()) {
      return Optional.of(
          "This spec's template is no longer installed, so its tickets cannot be proposed.");
    }
    return Optional.empty();
  }
}

package dev.specbot.slack.interviews;

import dev.specbot.interview.Effect;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Progress;
import dev.specbot.interview.Status;
import dev.specbot.interview.Transition;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.messages.ParentMessage;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.Tx;
import dev.specbot.template.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * What a transition's effects say in Slack, built (documents rendered into Block Kit included)
 * before any transaction begins; queuing it is then only writing rows.
 *
 * @param deliveries what to send, in order
 * @param askIndex which of them asks the next question, or -1
 * @param spec where among them a spec just posted is
 */
record Outgoing(List<Delivery> deliveries, int askIndex, Optional<PostedSpec> spec) {
  static final Outgoing NONE = new Outgoing(List.of(), -1, Optional.empty());

  /**
   * A spec posted among the deliveries, measured before any transaction begins.
   *
   * @param start its first message
   * @param end its last message
   * @param endSize how much room that message takes
   */
  record PostedSpec(int start, int end, Message.Size endSize) {}

  Outgoing {
    deliveries = List.copyOf(deliveries);
  }

  /**
   * The deliveries of a transition's effects; with {@code updateParent}, the parent's progress line
   * too, when the effects change it.
   */
  static Outgoing of(Transition transition, Template template, boolean updateParent) {
    return of(transition, template, updateParent, Optional.empty());
  }

  /**
   * The same, with {@code parentLine} (a posted spec's meeting and review) kept on the parent's
   * progress line.
   */
  static Outgoing of(
      Transition transition, Template template, boolean updateParent, Optional<String> parentLine) {
    return of(transition, template, updateParent, parentLine, Optional.empty());
  }

  /** The same, with the thread's link for what is said in private (to a co-author). */
  static Outgoing of(
      Transition transition,
      Template template,
      boolean updateParent,
      Optional<String> parentLine,
      Optional<String> permalink) {
    Interview interview = transition.interview();
    List<Delivery> deliveries = new ArrayList<>();
    Optional<Progress> progress = Optional.empty();
    int ask = -1;
    Optional<PostedSpec> spec = Optional.empty();
    for (Effect effect : transition.effects()) {
      if (effect instanceof Effect.ProgressChanged changed) {
        progress = Optional.of(changed.progress());
        continue;
      }
      if (effect instanceof Effect.Ask) {
        ask = deliveries.size();
      }
      int before = deliveries.size();
      deliveries.addAll(EffectDeliveries.of(effect, interview, template));
      if (effect instanceof Effect.Publish) {
        spec = postedSpec(deliveries, before);
      }
      deliveries.addAll(CoAuthorMessages.of(effect, interview, permalink));
    }
    // The parent's progress line goes in a lane of its own (see Delivery.enqueue): it never
    // holds up the next question.
    if (updateParent && progress.isPresent()) {
      Message parent = ParentMessage.of(interview, template, progress.get(), parentLine);
      Delivery edit =
          Delivery.forInterview(
              Delivery.Kind.UPDATE_PARENT, interview.id(), parent.text(), parent.blocks());
      deliveries.add(isUnderway(interview.status()) ? edit.asProgressOnly() : edit);
    }
    return new Outgoing(deliveries, ask, spec);
  }

  /** The spec among the deliveries from {@code from}: its messages in the thread, in a row. */
  private static Optional<PostedSpec> postedSpec(List<Delivery> deliveries, int from) {
    int start = from;
    while (start < deliveries.size() && !inThread(deliveries.get(start))) {
      start++;
    }
    int end = start;
    while (end + 1 < deliveries.size() && inThread(deliveries.get(end + 1))) {
      end++;
    }
    if (start == deliveries.size()) {
      return Optional.empty();
    }
    return Optional.of(new PostedSpec(start, end, deliveries.get(end).asMessage().size()));
  }

  private static boolean inThread(Delivery delivery) {
    return delivery.kind() == Delivery.Kind.POST_IN_THREAD;
  }

  /**
   * The same, with {@code next} (what follows a posted spec: the meeting's and the review's offers)
   * at the end of the spec's last message where Slack's limits leave room, else as a message of its
   * own after the rest: the next step right under the spec, and one post fewer of Slack's allowance
   * of about one a second per channel.
   */
  Outgoing followedBy(String interviewId, Message next) {
    List<Delivery> all = new ArrayList<>(deliveries);
    Optional<PostedSpec> room = spec.filter(posted -> posted.endSize().fitsWith(next.size()));
    if (room.isPresent()) {
      all.set(room.get().end(), all.get(room.get().end()).followedBy(next));
    } else {
      all.add(Delivery.inThread(interviewId, next));
    }
    return new Outgoing(all, askIndex, spec);
  }

  /**
   * Whether the parent's line says the interview is under way, so that an edit only moves its
   * counts on. Slack allows about 50 edits a minute across a workspace: with many interviews at
   * once, the counts on the cards lag while edits that finish, pause or cancel a spec go first.
   * (Resuming a paused interview is counted here too: its card says "Paused" a little longer.)
   */
  private static boolean isUnderway(Status status) {
    return status == Status.ASKING || status == Status.CONFIRMING_CANCEL;
  }

  /**
   * Queues the interview's opening: its first question follows {@code /spec} and waits for the
   * parent message, so it is not a turn of the drafter's.
   */
  Optional<String> enqueueOpening(Tx tx, Instant now) {
    List<Delivery> opening = opening();
    return queueAll(opening.size(), askIndex, i -> opening.get(i).enqueue(tx, now));
  }

  /**
   * The opening's deliveries: its first question as urgent as a next one, for the drafter who just
   * typed {@code /spec} waits on it as much as one who just answered (at a kickoff, a reply's share
   * of a channel's posts left it waiting behind every later question).
   */
  List<Delivery> opening() {
    List<Delivery> opening = new ArrayList<>(deliveries);
    if (askIndex >= 0) {
      opening.set(askIndex, deliveries.get(askIndex).asUrgentAsQuestion());
    }
    return opening;
  }

  /**
   * The deliveries as the answer to the drafter's input taken in at {@code now} (see {@link
   * #answering}), each with its JSON written now, before the transaction that queues them.
   */
  Written written(Instant now) {
    List<Delivery> answering = answering(now);
    return new Written(this, now, answering, answering.stream().map(Delivery::toJson).toList());
  }

  /**
   * The deliveries of a turn and their JSON, to be queued in one transaction.
   *
   * @param from what they were written from
   * @param now when the input they answer was taken in
   */
  record Written(Outgoing from, Instant now, List<Delivery> deliveries, List<String> json) {
    /**
     * Queues every delivery; returns the outbox id of the one asking the next question, if any.
     * Sending that question ends the turn; so does sending the spec, where the input finished it:
     * after the last answer, the spec is what the drafter waits for, and it goes as soon as a next
     * question would.
     */
    Optional<String> enqueue(Tx tx) {
      return queueAll(
          deliveries.size(), from.askIndex, i -> deliveries.get(i).enqueue(tx, now, json.get(i)));
    }

    /**
     * As {@link Outgoing#followedBy}, for what only the transaction knows (the meeting's offer): of
     * the deliveries, only the one that changed (the spec's last message, or the offer's own) is
     * written again, one message within Slack's limits; the spec's file and its other messages keep
     * the JSON written before the transaction.
     */
    Written followedBy(String interviewId, Message next) {
      List<Delivery> followed = from.followedBy(interviewId, next).answering(now);
      List<String> written = new ArrayList<>(followed.size());
      for (int i = 0; i < followed.size(); i++) {
        boolean same = i < deliveries.size() && followed.get(i).equals(deliveries.get(i));
        written.add(same ? json.get(i) : followed.get(i).toJson());
      }
      return new Written(from, now, followed, written);
    }
  }

  /** Queues the deliveries in order; the id of the one asking the next question, if any. */
  private static Optional<String> queueAll(int count, int askIndex, IntFunction<String> queue) {
    Optional<String> askId = Optional.empty();
    for (int i = 0; i < count; i++) {
      String id = queue.apply(i);
      if (i == askIndex) {
        askId = Optional.of(id);
      }
    }
    return askId;
  }

  /**
   * The deliveries as the answer to the drafter's input taken in at {@code now}: the next question
   * ends the turn, or else the spec's first message does, its other messages as urgent.
   */
  List<Delivery> answering(Instant now) {
    Optional<PostedSpec> endsTurn = spec.filter(posted -> askIndex < 0);
    int turnEnd = endsTurn.map(PostedSpec::start).orElse(askIndex);
    int urgentTo = endsTurn.map(PostedSpec::end).orElse(-1);
    List<Delivery> answering = new ArrayList<>(deliveries.size());
    for (int i = 0; i < deliveries.size(); i++) {
      Delivery delivery = deliveries.get(i);
      if (i == turnEnd) {
        answering.add(delivery.asking(now));
      } else if (i > turnEnd && i <= urgentTo) {
        answering.add(delivery.asUrgentAsQuestion());
      } else {
        answering.add(delivery);
      }
    }
    return answering;
  }
}

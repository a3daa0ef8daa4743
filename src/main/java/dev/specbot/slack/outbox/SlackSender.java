package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.storage.Database;
import dev.specbot.storage.SendHistory;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.SpecCanvas;
import dev.specbot.storage.SpecIssue;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Carries out one delivery with the Web API, once: a message that an earlier sender may have sent
 * already is looked for in Slack before it is sent again (posts by the outbox id in their metadata,
 * files by the file id recorded before they were shared, see {@link FileUpload}).
 */
final class SlackSender {
  /** Marks specbot's posts in Slack's message metadata, with the outbox id that sent them. */
  static final String METADATA_EVENT = "specbot_outbox";

  private final Database database;
  private final MethodsClient slack;
  private final Clock clock;
  private final PostedMessages posted;
  private final Supplier<Optional<String>> workspaceUrl;
  // Whether a call of this send changed something in Slack: then a refusal later in it does not
  // mean the delivery was not taken.
  private boolean changedSlack;
  // The message being sent: a sender is made for each message.
  private String outboxId;
  private SendHistory history;
  private SlackPlace place;

  SlackSender(
      Database database,
      MethodsClient slack,
      Clock clock,
      Supplier<Optional<String>> workspaceUrl) {
    this.database = database;
    this.slack = slack;
    this.clock = clock;
    this.workspaceUrl = workspaceUrl;
    this.posted = new PostedMessages(slack, METADATA_EVENT);
  }

  /** Whether Slack took something of this delivery before the send failed (a post, a file). */
  boolean changedSlack() {
    return changedSlack;
  }

  /**
   * Sends; returns the message's ts (or a file id) for the record. {@code history} is what earlier
   * senders of the message left, {@code known} the interview's place, when the caller read it with
   * the claim.
   *
   * @throws LookAgainLater when Slack cannot tell yet whether an earlier sender's file was shared
   */
  String send(Delivery delivery, String outboxId, SendHistory history, Optional<SlackPlace> known)
      throws IOException, SlackApiException, SlackCallFailed, LookAgainLater {
    this.outboxId = outboxId;
    this.history = history;
    this.place = known.orElse(null);
    return switch (delivery.kind()) {
      case POST_PARENT -> postParent(delivery);
      case POST_IN_THREAD ->
          post(delivery, place(delivery).channelId(), Optional.of(threadOf(delivery)));
      case POST_IN_CHANNEL -> post(delivery, place(delivery).channelId(), Optional.empty());
      case UPDATE_PARENT -> updateParent(delivery);
      case POST_EPHEMERAL -> postEphemeral(delivery);
      case UPLOAD_DOCUMENT -> upload(delivery, Optional.empty());
      case UPLOAD_IN_THREAD -> upload(delivery, Optional.of(threadOf(delivery)));
      case POST_DM -> post(delivery, delivery.user(), Optional.empty());
      case SYNC_CANVAS ->
          new CanvasSender(database, slack, clock, workspaceUrl).sync(delivery, place(delivery));
      case GITHUB_PUBLISH, GITHUB_EDIT, GITHUB_COMMENT, GITHUB_TICKET ->
          throw new IllegalStateException("sent by GitHubSender: " + delivery.kind());
      case PUBLISH_HOME -> throw new IllegalStateException("sent by HomeSender");
    };
  }

  private String postParent(Delivery delivery)
      throws IOException, SlackApiException, SlackCallFailed {
    SlackPlace place = place(delivery);
    if (place.threadTs().isPresent()) {
      return place.threadTs().get(); // Sent before a crash, recorded, not marked sent: not again.
    }
    String channel = place.channelId();
    Optional<String> earlier = alreadyPosted(channel, Optional.empty());
    String ts;
    if (earlier.isPresent()) {
      ts = earlier.get();
    } else {
      ChatPostMessageResponse response = postMessage(channel, delivery, Optional.empty());
      if (!response.isOk() && ChannelAccess.isMissing(response.getError())) {
        channel =
            new ChannelAccess(database, slack)
                .reachDrafter(delivery.interviewId(), channel, response.getError());
        response = postMessage(channel, delivery, Optional.empty());
      }
      ts = ok(response, "chat.postMessage").getTs();
      changedSlack = true;
    }
    String postedChannel = channel;
    Optional<String> permalink = permalink(postedChannel, ts);
    database.transaction(
        tx -> {
          tx.interviews().placeThread(delivery.interviewId(), ts, permalink);
          // The spec's line on its people's homes links to its thread from now on.
          HomeLanes.interviewChanged(tx, delivery.interviewId(), clock.instant());
          return null;
        });
    return ts;
  }

  private String post(Delivery delivery, String channel, Optional<String> threadTs)
      throws IOException, SlackApiException, SlackCallFailed {
    Optional<String> earlier = alreadyPosted(channel, threadTs);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    return ok(postMessage(channel, delivery, threadTs), "chat.postMessage").getTs();
  }

  private Optional<String> alreadyPosted(String channel, Optional<String> threadTs)
      throws IOException, SlackApiException {
    return history.takenBefore() ? posted.find(channel, threadTs, outboxId) : Optional.empty();
  }

  private ChatPostMessageResponse postMessage(
      String channel, Delivery delivery, Optional<String> threadTs)
      throws IOException, SlackApiException {
    return slack.chatPostMessage(
        r ->
            r.channel(channel)
                .text(delivery.text())
                .blocksAsString(delivery.blocks())
                .threadTs(threadTs.orElse(null))
                .metadata(
                    new com.slack.api.model.Message.Metadata(
                        METADATA_EVENT, Map.of("outbox_id", outboxId)))
                .unfurlLinks(false)
                .unfurlMedia(false));
  }

  private String updateParent(Delivery delivery)
      throws IOException, SlackApiException, SlackCallFailed {
    SlackPlace place = place(delivery);
    String ts = threadOf(delivery);
    // Read as it is sent, not when the edit was queued: a spec published since keeps its links on
    // every later edit of its parent, whoever queued that edit. Read beside SQLite's writer, not
    // through it: a link a few milliseconds old is as good, and the writer is busiest when edits
    // are.
    Links links =
        database.read(
            tx ->
                new Links(
                    tx.specIssues().find(delivery.interviewId()),
                    tx.canvases().find(delivery.interviewId())));
    Delivery withIssue =
        links.issue().flatMap(issue -> IssueLinks.onParent(delivery, issue)).orElse(delivery);
    Message parent = withCanvasLink(withIssue, place, links.canvas());
    return ok(
            slack.chatUpdate(
                r ->
                    r.channel(place.channelId())
                        .ts(ts)
                        .text(parent.text())
                        .blocksAsString(parent.blocks())),
            "chat.update")
        .getTs();
  }

  /** What a parent's edit links to, when the spec has it: its GitHub issue, its canvas. */
  private record Links(Optional<SpecIssue> issue, Optional<SpecCanvas> canvas) {}

  /** The parent as queued, with a link to the spec's canvas once it has one. */
  private Message withCanvasLink(Delivery delivery, SlackPlace place, Optional<SpecCanvas> canvas) {
    Optional<String> url =
        canvas
            .flatMap(SpecCanvas::canvasId)
            .flatMap(canvasId -> CanvasLink.url(workspaceUrl.get(), place.teamId(), canvasId));
    return url.map(link -> CanvasLink.onParent(delivery.text(), delivery.blocks(), link))
        .orElseGet(() -> new Message(delivery.text(), delivery.blocks()));
  }

  private String postEphemeral(Delivery delivery)
      throws IOException, SlackApiException, SlackCallFailed {
    return ok(
            slack.chatPostEphemeral(
                r -> r.channel(delivery.channel()).user(delivery.user()).text(delivery.text())),
            "chat.postEphemeral")
        .getMessageTs();
  }

  private String upload(Delivery delivery, Optional<String> threadTs)
      throws IOException, SlackApiException, SlackCallFailed, LookAgainLater {
    SlackPlace place = place(delivery);
    String link = place.permalink().map(url -> "<" + url + "|thread>").orElse("thread");
    String comment = delivery.text().replace(Delivery.THREAD_LINK, link);
    return new FileUpload(database, slack, clock, outboxId)
        .share(
            history.upload(),
            new FileUpload.Share(
                place.channelId(), threadTs, comment, delivery.fileName(), delivery.fileContent()));
  }

  /**
   * The parent's link, built as Slack builds permalinks ({@code
   * https://team.slack.com/archives/C123/p1700000000000100}) from the workspace's address, so that
   * two hundred specs started at once do not queue on chat.getPermalink's limit; asked of Slack
   * only while the address is unknown, and never worth failing the delivery for.
   */
  private Optional<String> permalink(String channel, String ts) {
    Optional<String> workspace = workspaceUrl.get();
    if (workspace.isPresent()) {
      String root = workspace.get().endsWith("/") ? workspace.get() : workspace.get() + "/";
      return Optional.of(root + "archives/" + channel + "/p" + ts.replace(".", ""));
    }
    try {
      var response = slack.chatGetPermalink(r -> r.channel(channel).messageTs(ts));
      return response.isOk() ? Optional.ofNullable(response.getPermalink()) : Optional.empty();
    } catch (IOException | SlackApiException e) {
      return Optional.empty(); // The summary then says "thread" without a link.
    }
  }

  /** The interview's place, read once per delivery (a delivery may ask for it twice). */
  private SlackPlace place(Delivery delivery) throws SlackCallFailed {
    if (place == null) {
      place =
          database
              .transaction(tx -> tx.interviews().placeOf(delivery.interviewId()))
              .orElseThrow(() -> new SlackCallFailed("outbox", "interview_not_found"));
    }
    return place;
  }

  private String threadOf(Delivery delivery) throws SlackCallFailed {
    return place(delivery)
        .threadTs()
        .orElseThrow(() -> new SlackCallFailed("chat.postMessage", "thread_not_posted"));
  }

  /** Slack's answer, if it says ok; otherwise its error, as a failed call of {@code method}. */
  static <T extends SlackApiTextResponse> T ok(T response, String method) throws SlackCallFailed {
    if (!response.isOk()) {
      throw new SlackCallFailed(method, response.getError());
    }
    return response;
  }
}

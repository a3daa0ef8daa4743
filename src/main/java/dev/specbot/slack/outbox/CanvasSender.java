package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesListResponse;
import com.slack.api.model.File;
import com.slack.api.model.canvas.CanvasDocumentChange;
import com.slack.api.model.canvas.CanvasDocumentContent;
import dev.specbot.slack.canvas.CanvasChange;
import dev.specbot.slack.canvas.CanvasMarkdown;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.slack.webapi.WebApiClient;
import dev.specbot.storage.Database;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.SpecCanvas;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a spec's canvas the current document: the first delivery makes it, tabbed in (so shared
 * with) the interview's channel, and links it in the thread and on the parent message; each later
 * one sends only what changed (see {@link CanvasChange}). When Slack refuses canvases for good, the
 * thread is told once and the canvas is not tried again; the file in the thread is unaffected.
 *
 * <p>Made once: before canvases.create is asked, the time is recorded in a transaction of its own.
 * A sender that finds that record with no canvas id (its predecessor died mid-call, or the call
 * timed out, or Slack answered a 5xx) looks in the channel's canvases for one with the spec's title
 * that no spec recorded, and takes it instead of making another.
 */
final class CanvasSender {
  private static final Logger log = LoggerFactory.getLogger(CanvasSender.class);

  /**
   * Canvases written as every workspace shows them: a table's rows as list items (tables are in
   * only some of Slack's documentation of canvases).
   */
  private static final CanvasMarkdown CONVERTER = CanvasMarkdown.withTables(false);

  /** files.list refusing to tell: an earlier call's canvas cannot be looked for. */
  private static final List<String> CANNOT_LOOK = List.of("missing_scope", "no_permission");

  private final Database database;
  private final MethodsClient slack;
  private final Clock clock;
  private final Supplier<Optional<String>> workspaceUrl;

  CanvasSender(
      Database database,
      MethodsClient slack,
      Clock clock,
      Supplier<Optional<String>> workspaceUrl) {
    this.database = database;
    this.slack = slack;
    this.clock = clock;
    this.workspaceUrl = workspaceUrl;
  }

  /** Brings the canvas up to date with {@code delivery}; returns the canvas id, for the record. */
  String sync(Delivery delivery, SlackPlace place)
      throws IOException, SlackApiException, SlackCallFailed {
    String interviewId = delivery.interviewId();
    Optional<SpecCanvas> known = database.transaction(tx -> tx.canvases().find(interviewId));
    Optional<String> refused = known.flatMap(SpecCanvas::refusal);
    if (refused.isPresent()) {
      return "refused: " + refused.get(); // Said once in the thread already: not tried again.
    }
    String markdown =
        CONVERTER.convert(CanvasText.withInertTitle(delivery.fileContent(), delivery.text()));
    try {
      if (markdown.length() > CanvasMarkdown.MAX_LENGTH) {
        throw new SlackCallFailed("canvases.create", CanvasRefusals.TOO_LONG);
      }
      Optional<String> canvasId = known.flatMap(SpecCanvas::canvasId);
      if (canvasId.isPresent()) {
        edit(interviewId, canvasId.get(), known.flatMap(SpecCanvas::sentMarkdown), markdown);
        return canvasId.get();
      }
      Optional<String> earlier =
          known.flatMap(SpecCanvas::createAskedAt).isPresent()
              ? madeEarlier(place, CanvasText.title(delivery.text()))
              : Optional.empty();
      if (earlier.isPresent()) {
        log.info(
            "Canvas {} of interview {} was made by an earlier call", earlier.get(), interviewId);
        // What it holds is the version that call sent: all of it is sent again.
        recordMade(delivery, place, earlier.get(), "");
        readOnly(earlier.get(), place.channelId());
        edit(interviewId, earlier.get(), Optional.empty(), markdown);
        return earlier.get();
      }
      return create(delivery, place, markdown);
    } catch (SlackCallFailed failed) {
      if (!CanvasRefusals.isForGood(failed.error())) {
        throw failed;
      }
      refuse(interviewId, failed.error());
      return "refused: " + failed.error();
    }
  }

  private String create(Delivery delivery, SlackPlace place, String markdown)
      throws IOException, SlackApiException, SlackCallFailed {
    String interviewId = delivery.interviewId();
    database.transaction(
        tx -> {
          tx.canvases().createAsked(interviewId, Optional.of(clock.instant()), clock.instant());
          return null;
        });
    String title = CanvasText.title(delivery.text());
    String canvasId;
    try {
      var created =
          slack instanceof WebApiClient client
              ? client.canvasesCreateIn(place.channelId(), title, markdown)
              : slack.canvasesCreate(
                  r ->
                      r.title(title)
                          .documentContent(
                              CanvasDocumentContent.builder().markdown(markdown).build()));
      canvasId = SlackSender.ok(created, "canvases.create").getCanvasId();
    } catch (IOException | SlackApiException | SlackCallFailed e) {
      if (DefiniteRefusal.is(e)) {
        // Slack made nothing: the next attempt need not look for a canvas first.
        database.transaction(
            tx -> {
              tx.canvases().createAsked(interviewId, Optional.empty(), clock.instant());
              return null;
            });
      }
      throw e;
    }
    recordMade(delivery, place, canvasId, markdown);
    log.info("Interview {} has canvas {}", interviewId, canvasId);
    readOnly(canvasId, place.channelId());
    return canvasId;
  }

  /**
   * The channel reads the canvas but does not write it: a change typed into the canvas would be
   * replaced by specbot's next version, and would pass the review by (an edit in the thread makes
   * approvals stale). Never worth failing the delivery for: the canvas is made and recorded.
   */
  private void readOnly(String canvasId, String channel) {
    try {
      var set =
          slack.canvasesAccessSet(
              r -> r.canvasId(canvasId).accessLevel("read").channelIds(List.of(channel)));
      if (!set.isOk()) {
        log.warn("Canvas {} stays writable by channel {}: {}", canvasId, channel, set.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("Canvas {} stays writable by channel {}", canvasId, channel, e);
    }
  }

  /**
   * Records the canvas at once, with what it holds, and queues its links: a message in the thread,
   * and the parent message again (which links the canvas once it is recorded, see
   * CanvasLink#onParent).
   */
  private void recordMade(Delivery delivery, SlackPlace place, String canvasId, String markdown) {
    String interviewId = delivery.interviewId();
    Optional<String> url = CanvasLink.url(workspaceUrl.get(), place.teamId(), canvasId);
    database.transaction(
        tx -> {
          tx.canvases().created(interviewId, canvasId, markdown, clock.instant());
          CanvasLink.inThread(interviewId, delivery.text(), url).enqueue(tx, clock.instant());
          tx.outbox()
              .latestPayload("parent:" + interviewId)
              .filter(latest -> !latest.waiting())
              .map(latest -> Delivery.fromJson(latest.payload()))
              .ifPresent(parent -> parent.enqueue(tx, clock.instant()));
          return null;
        });
  }

  private void edit(String interviewId, String canvasId, Optional<String> sent, String markdown)
      throws IOException, SlackApiException, SlackCallFailed {
    Optional<CanvasChange> change = CanvasChange.between(sent, markdown);
    if (change.isEmpty()) {
      return;
    }
    CanvasDocumentChange edit =
        CanvasDocumentChange.builder()
            .operation(change.get().operation())
            .documentContent(
                CanvasDocumentContent.builder().markdown(change.get().markdown()).build())
            .build();
    SlackSender.ok(
        slack.canvasesEdit(r -> r.canvasId(canvasId).changes(List.of(edit))), "canvases.edit");
    database.transaction(
        tx -> {
          tx.canvases().sent(interviewId, markdown, clock.instant());
          return null;
        });
  }

  /**
   * The canvas an earlier canvases.create of this spec made, if Slack shows one in the channel with
   * its title that no spec recorded. When Slack will not list files, none is found: a second canvas
   * is then possible, as it was before anything was looked for.
   */
  private Optional<String> madeEarlier(SlackPlace place, String title)
      throws IOException, SlackApiException, SlackCallFailed {
    FilesListResponse listed =
        slack.filesList(r -> r.channel(place.channelId()).types(List.of("canvas")).count(100));
    if (!listed.isOk()) {
      if (CANNOT_LOOK.contains(listed.getError())) {
        log.warn(
            "Slack will not list the canvases of channel {} ({}): grant specbot files:read",
            place.channelId(),
            listed.getError());
        return Optional.empty();
      }
      throw new SlackCallFailed("files.list", listed.getError());
    }
    List<String> candidates =
        listed.getFiles() == null
            ? List.of()
            : listed.getFiles().stream()
                .filter(file -> title.equals(file.getTitle()))
                .map(File::getId)
                .toList();
    return database.transaction(
        tx -> candidates.stream().filter(id -> !tx.canvases().isRecorded(id)).findFirst());
  }

  /** Slack refused canvases for this spec for good: the thread hears of it once. */
  private void refuse(String interviewId, String error) {
    log.warn(
        "Slack refused a canvas for interview {}: {}; the file stays the spec", interviewId, error);
    database.transaction(
        tx -> {
          if (tx.canvases().refused(interviewId, error, clock.instant())) {
            Delivery.forInterview(
                    Delivery.Kind.POST_IN_THREAD, interviewId, CanvasRefusals.said(error), null)
                .enqueue(tx, clock.instant());
          }
          return null;
        });
  }
}

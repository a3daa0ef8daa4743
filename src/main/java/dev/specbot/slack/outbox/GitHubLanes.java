package dev.specbot.slack.outbox;

import dev.specbot.storage.SpecIssue;
import dev.specbot.storage.Tx;
import dev.specbot.template.SpecRenderer;
import java.time.Instant;
import java.util.Optional;

/**
 * Where what goes to GitHub waits in the outbox: lanes of its own, so that GitHub's outages and
 * rate limits (which can ask for an hour's wait) never hold up a spec's Slack thread. The issue and
 * its comments go in order in one lane; edits of its body in another, where a newer edit replaces
 * one still waiting, as edits of the parent message do.
 *
 * <p>Also where a spec is published once: its issue is queued only if {@code spec_issues} has none
 * for it yet (or GitHub refused the last one), in the transaction that queues it; edits and
 * comments only once it has one. And where a new document of a published spec edits the issue: a
 * spec's {@code .md} file, however it came to be posted again, is the issue's new body.
 */
final class GitHubLanes {
  private GitHubLanes() {}

  /** The issue and its comments, in order. */
  static String laneOf(String interviewId) {
    return "github:" + interviewId;
  }

  /** Edits of the issue's body: only the latest waiting is sent. */
  static String bodyLaneOf(String interviewId) {
    return "github-body:" + interviewId;
  }

  /** Queues a GitHub delivery; returns its outbox id, or "" when there is nothing to queue. */
  static String enqueue(Tx tx, Delivery delivery, Instant now) {
    String id = delivery.interviewId();
    int urgency = delivery.urgency().rank();
    return switch (delivery.kind()) {
      case GITHUB_PUBLISH -> {
        IssueRequest request = IssueRequest.fromJson(delivery.blocks());
        boolean asked =
            tx.specIssues()
                .request(
                    id,
                    request.repository(),
                    request.title(),
                    request.labels(),
                    request.assignees(),
                    now);
        yield asked
            ? tx.outbox()
                .enqueue(laneOf(id), delivery.kind().name(), delivery.toJson(), now, urgency)
            : "";
      }
      case GITHUB_EDIT ->
          hasIssue(tx, id)
              ? tx.outbox()
                  .replaceWaiting(
                      bodyLaneOf(id), delivery.kind().name(), delivery.toJson(), now, now, urgency)
              : "";
      case GITHUB_COMMENT ->
          hasIssue(tx, id)
              ? tx.outbox()
                  .enqueue(laneOf(id), delivery.kind().name(), delivery.toJson(), now, urgency)
              : "";
      // After the spec's issue in its lane: a ticket links back to it, so waits for it.
      case GITHUB_TICKET ->
          tx.outbox().enqueue(laneOf(id), delivery.kind().name(), delivery.toJson(), now, urgency);
      default -> throw new IllegalArgumentException("not for GitHub: " + delivery.kind());
    };
  }

  /** Whether the spec is published, or being published. */
  private static boolean hasIssue(Tx tx, String interviewId) {
    return tx.specIssues()
        .find(interviewId)
        .filter(issue -> issue.state() != SpecIssue.State.REFUSED)
        .isPresent();
  }

  /** A spec's document as a file: its {@code .md} file, whatever posts it. */
  static boolean isDocument(Delivery delivery) {
    return (delivery.kind() == Delivery.Kind.UPLOAD_DOCUMENT
            || delivery.kind() == Delivery.Kind.UPLOAD_IN_THREAD)
        && delivery.interviewId() != null
        && delivery.fileName() != null
        && delivery.fileName().endsWith(".md")
        && delivery.fileContent() != null;
  }

  /**
   * A spec's document, about to be queued: when the spec has an issue, the issue's body becomes
   * this document, and the document links to the issue once it is published.
   */
  static Delivery documentQueued(Tx tx, Delivery document, Instant now) {
    String id = document.interviewId();
    Optional<SpecIssue> issue = tx.specIssues().find(id);
    if (issue.isEmpty() || issue.get().state() == SpecIssue.State.REFUSED) {
      return document;
    }
    var unused = enqueue(tx, Delivery.editIssue(id, document.fileContent()), now);
    return withIssueLink(issue.get(), document);
  }

  /** A spec's canvas, about to be queued: it links to the spec's issue once there is one. */
  static Delivery canvasQueued(Tx tx, Delivery canvas) {
    return tx.specIssues()
        .find(canvas.interviewId())
        .map(issue -> withIssueLink(issue, canvas))
        .orElse(canvas);
  }

  /**
   * The spec was just published: its canvas, as last queued, again, now with the issue's link (the
   * file in the thread gets it when it is next posted; the thread says so at once).
   */
  static void canvasAgain(Tx tx, String interviewId, Instant now) {
    tx.outbox()
        .latestPayload("canvas:" + interviewId)
        .map(latest -> Delivery.fromJson(latest.payload()))
        .ifPresent(canvas -> canvas.enqueue(tx, now));
  }

  /** The document with the issue's link at its end, once (a document queued again has it). */
  private static Delivery withIssueLink(SpecIssue issue, Delivery document) {
    if (issue.state() == SpecIssue.State.REFUSED || issue.link().isEmpty()) {
      return document;
    }
    String linked = SpecRenderer.withIssueLink(document.fileContent(), issue.link().get());
    String content = document.fileContent();
    // Linear: the link is the document's last line when it is there at all.
    return content.stripTrailing().endsWith(lastLine(linked))
        ? document
        : document.withContent(linked);
  }

  private static String lastLine(String markdown) {
    String stripped = markdown.stripTrailing();
    return stripped.substring(stripped.lastIndexOf('\n') + 1);
  }
}

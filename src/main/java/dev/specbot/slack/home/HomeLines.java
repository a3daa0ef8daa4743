package dev.specbot.slack.home;

import dev.specbot.interview.Status;
import dev.specbot.review.Verdict;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.Message;
import dev.specbot.storage.HomeRows;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One line of the home per spec, in mrkdwn: every text a person wrote escaped, each part cut so
 * that a line stays far under a section's 3,000 characters whatever was typed.
 */
final class HomeLines {
  /** A title as long as the /spec form takes; longer ones (stored before the limit) are cut. */
  private static final int TITLE = 150;

  /** A permalink longer than this is not Slack's, and is left out rather than cut. */
  private static final int URL = 500;

  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

  private final Function<String, Optional<Template>> templates;

  HomeLines(Function<String, Optional<Template>> templates) {
    this.templates = templates;
  }

  String drafting(HomeRows.Drafting drafting) {
    StringBuilder line = new StringBuilder(link(drafting.spec())).append("  ·  ");
    Optional<Template> template = templates.apply(drafting.spec().templateId());
    line.append(drafting.answered());
    template.ifPresent(t -> line.append(" of ").append(t.questions().size()));
    line.append(" answered");
    if (drafting.skipped() > 0) {
      line.append(", ").append(drafting.skipped()).append(" skipped");
    }
    statusWord(drafting.status()).ifPresent(word -> line.append("  ·  _").append(word).append('_'));
    return line.toString();
  }

  String assigned(HomeRows.Assigned assigned) {
    String section =
        templates
            .apply(assigned.spec().templateId())
            .flatMap(t -> t.question(assigned.questionId()))
            .map(Question::title)
            .orElse(assigned.questionId());
    return "Section *"
        + escaped(section)
        + "* of "
        + link(assigned.spec())
        + ": handed to you, waiting for your answer in the thread";
  }

  String review(HomeRows.ReviewAsked review) {
    return link(review.spec())
        + (review.verdict() == Verdict.STALE
            ? ": changed since you approved it, your verdict is asked again"
            : ": your review is requested");
  }

  String concern(HomeRows.OpenConcern concern) {
    String name = "*" + escaped(concern.name()) + "*";
    if (concern.raisedByYou()) {
      return "Your concern " + name + " on " + link(concern.spec()) + ": resolve it once answered";
    }
    return "Concern "
        + name
        + " on your "
        + link(concern.spec())
        + ", raised by "
        + mention(concern.authorId());
  }

  String discussion(HomeRows.Discussion discussion) {
    ZonedDateTime start = discussion.start().atZone(discussion.zone());
    // Slack shows the date in each reader's own time zone; the fallback is the meeting's.
    String when =
        "<!date^"
            + discussion.start().getEpochSecond()
            + "^{date_short_pretty} at {time}|"
            + SlackText.escape(FALLBACK.format(start))
            + ">";
    return link(discussion.spec())
        + "  ·  "
        + when
        + "  ·  "
        + discussion.duration().toMinutes()
        + " min";
  }

  String approved(HomeRows.Approved approved) {
    return link(approved.spec())
        + "  ·  "
        + approved.stage().label()
        + "  ·  "
        + channel(approved.spec().channelId());
  }

  /**
   * The spec's title, linking to its thread once there is one; a {@code |} in the title would end
   * the link's address early in some clients, so it shows as {@code ¦}.
   */
  static String link(HomeRows.Spec spec) {
    String title = escaped(spec.title());
    Optional<String> url = spec.permalink().filter(HomeLines::isPlainUrl);
    return url.map(u -> "<" + u.replace("&", "&amp;") + "|" + title.replace("|", "¦") + ">")
        .orElse("*" + title + "*");
  }

  private static String escaped(String text) {
    return SlackText.escape(Message.cut(text.strip(), TITLE));
  }

  /** Slack's permalinks only: nothing that would end or break the link. */
  private static boolean isPlainUrl(String url) {
    if (url.length() > URL || !url.startsWith("https://")) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c == '<' || c == '>' || c == '|') {
        return false;
      }
    }
    return true;
  }

  /** A person, mentioned only if the id is one Slack would give; otherwise as plain text. */
  static String mention(String userId) {
    return isSlackId(userId) ? "<@" + userId + ">" : escaped(userId);
  }

  private static String channel(String channelId) {
    return isSlackId(channelId) ? "<#" + channelId + ">" : escaped(channelId);
  }

  private static boolean isSlackId(String id) {
    if (id.isEmpty() || id.length() > 30) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> statusWord(Status status) {
    return switch (status) {
      case PAUSED -> Optional.of("paused");
      case CONFIRMING_CANCEL -> Optional.of("asking whether to cancel");
      case REVISING -> Optional.of("revising an answer");
      case WAITING -> Optional.of("waiting on co-authors");
      case ASKING, FINISHED, CANCELLED -> Optional.empty();
    };
  }
}

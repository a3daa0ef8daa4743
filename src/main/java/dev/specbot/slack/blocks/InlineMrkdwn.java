package dev.specbot.slack.blocks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Renders inline markdown (text, emphasis, code spans, links, images, line breaks) as Slack mrkdwn.
 * Every piece of text from the document goes through {@link SlackText#escape}; the only raw {@code
 * <} and {@code >} in the result belong to links built here.
 */
final class InlineMrkdwn extends AbstractVisitor {
  /** A bare web address in running text. */
  private static final Pattern BARE_URL =
      Pattern.compile("https?://[^\\s<>]+", Pattern.CASE_INSENSITIVE);

  private static final String TRAILING_PUNCTUATION = ".,:;!?'\"*_~";

  private final StringBuilder out = new StringBuilder();

  private InlineMrkdwn() {}

  /** The mrkdwn for the inline children of a paragraph, heading or table cell. */
  static String of(Node parent) {
    InlineMrkdwn mrkdwn = new InlineMrkdwn();
    mrkdwn.visitChildren(parent);
    return mrkdwn.out.toString();
  }

  @Override
  public void visit(Text text) {
    out.append(withLinks(text.getLiteral()));
  }

  @Override
  public void visit(Code code) {
    String literal = code.getLiteral();
    // Slack's code spans cannot hold a backtick, and "` `" would show its backticks: plain text
    // then.
    if (literal.isBlank() || literal.indexOf('`') >= 0) {
      out.append(SlackText.escape(SlackText.breakFences(literal)));
    } else {
      out.append('`').append(SlackText.escape(literal)).append('`');
    }
  }

  @Override
  public void visit(Emphasis emphasis) {
    wrap(emphasis, "_");
  }

  @Override
  public void visit(StrongEmphasis strong) {
    wrap(strong, "*");
  }

  @Override
  public void visit(CustomNode node) {
    if (node instanceof Strikethrough) {
      wrap(node, "~");
    } else {
      visitChildren(node);
    }
  }

  @Override
  public void visit(Link link) {
    String destination = link.getDestination();
    String label = PlainText.of(link);
    if (label.indexOf('|') >= 0 && Links.sameAddress(label, destination)) {
      // <https://x|y> typed as an autolink: Slack's own link syntax, so show it as it was written.
      out.append(SlackText.escape("<" + label + ">"));
    } else if (SlackText.linkable(destination)) {
      out.append(SlackText.link(destination, label.equals(destination.strip()) ? "" : label));
    } else {
      visitChildren(link);
      appendDestination(label, destination);
    }
  }

  @Override
  public void visit(Image image) {
    String destination = image.getDestination();
    String alt = PlainText.of(image);
    if (SlackText.linkable(destination)) {
      out.append(SlackText.link(destination, alt));
    } else {
      out.append(SlackText.escape(alt));
      appendDestination(alt, destination);
    }
  }

  @Override
  public void visit(SoftLineBreak lineBreak) {
    // Answers are typed in Slack, where a newline is a line break; keep the writer's lines.
    out.append('\n');
  }

  @Override
  public void visit(HardLineBreak lineBreak) {
    out.append('\n');
  }

  @Override
  public void visit(HtmlInline html) {
    out.append(SlackText.escape(SlackText.breakFences(html.getLiteral())));
  }

  /** Shows where a link that Slack may not link to points, as text after its label. */
  private void appendDestination(String label, String destination) {
    if (!destination.isBlank() && !Links.sameAddress(label, destination)) {
      out.append(label.isEmpty() ? "(" : " (")
          .append(SlackText.escape(SlackText.breakFences(destination)))
          .append(')');
    }
  }

  private void wrap(Node node, String marker) {
    String inner = of(node);
    if (inner.isBlank()) {
      out.append(inner);
    } else {
      out.append(marker).append(inner).append(marker);
    }
  }

  /** Escapes text, turning bare web addresses into links (verbatim text gets no automatic ones). */
  private static String withLinks(String literal) {
    StringBuilder text = new StringBuilder();
    Matcher url = BARE_URL.matcher(literal);
    int start = 0;
    while (url.find()) {
      int end = trimmedEnd(literal, url.start(), url.end());
      if (literal.indexOf("://", url.start()) + 3 >= end) {
        continue; // nothing left after the scheme
      }
      text.append(plain(literal.substring(start, url.start())));
      text.append(SlackText.link(literal.substring(url.start(), end), ""));
      start = end;
    }
    return text.append(plain(literal.substring(start))).toString();
  }

  private static String plain(String text) {
    return SlackText.escape(SlackText.breakFences(text));
  }

  /**
   * Leaves sentence punctuation and an unbalanced closing parenthesis out of a bare address. The
   * parentheses are counted once and the count kept as they come off: counting them again for each
   * one took the square of a run of them.
   */
  private static int trimmedEnd(String text, int start, int end) {
    int open = 0;
    int close = 0;
    for (int i = start; i < end; i++) {
      open += text.charAt(i) == '(' ? 1 : 0;
      close += text.charAt(i) == ')' ? 1 : 0;
    }
    while (end > start) {
      char last = text.charAt(end - 1);
      if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
        end--;
      } else if (last == ')' && close > open) {
        end--;
        close--;
      } else {
        break;
      }
    }
    return end;
  }
}

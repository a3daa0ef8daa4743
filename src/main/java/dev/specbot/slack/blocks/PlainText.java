package dev.specbot.slack.blocks;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The unformatted text of inline content, for places where Slack shows no formatting: header
 * blocks, link labels and table cells. Not escaped.
 */
final class PlainText extends AbstractVisitor {
  private final StringBuilder out = new StringBuilder();
  private final boolean destinations;

  private PlainText(boolean destinations) {
    this.destinations = destinations;
  }

  /** The text of the node's inline content on one line; links keep their label only. */
  static String of(Node node) {
    return collect(node, false);
  }

  /** As {@link #of}, with a link's destination in parentheses after its label where it differs. */
  static String withDestinations(Node node) {
    return collect(node, true);
  }

  private static String collect(Node node, boolean destinations) {
    PlainText text = new PlainText(destinations);
    text.visitChildren(node);
    return text.out.toString().replaceAll("\\s+", " ").strip();
  }

  @Override
  public void visit(Text text) {
    out.append(text.getLiteral());
  }

  @Override
  public void visit(Code code) {
    out.append(code.getLiteral());
  }

  @Override
  public void visit(HtmlInline html) {
    out.append(html.getLiteral());
  }

  @Override
  public void visit(SoftLineBreak lineBreak) {
    out.append(' ');
  }

  @Override
  public void visit(HardLineBreak lineBreak) {
    out.append(' ');
  }

  @Override
  public void visit(Link link) {
    labelled(link, link.getDestination());
  }

  @Override
  public void visit(Image image) {
    labelled(image, image.getDestination());
  }

  private void labelled(Node node, String destination) {
    int start = out.length();
    visitChildren(node);
    String label = out.substring(start).strip();
    if (label.indexOf('|') >= 0 && Links.sameAddress(label, destination)) {
      // <https://x|y> typed as an autolink: Slack's own link syntax, shown as it was written.
      out.replace(start, out.length(), "<" + label + ">");
      return;
    }
    if (destinations && !destination.isBlank() && !Links.sameAddress(label, destination)) {
      out.append(label.isEmpty() ? "" : " ").append('(').append(destination).append(')');
    }
  }
}

package dev.specbot.tickets;

import java.util.List;
import java.util.function.Consumer;

/**
 * Walks a part of an answer item by item: each list item that is a ticket takes the lines nested in
 * it (and the lines that continue it) as its body; a done checklist item takes its own, so the open
 * items under it are not proposed either.
 */
final class ItemWalk {
  private final List<Line> lines;
  private final int from;
  private final int to;
  private final boolean checklistsOnly;

  /** A list item found, its text still markdown. */
  record Item(String title, String body) {}

  /**
   * The items of lines {@code from} to {@code to}: the open checklist items when {@code
   * checklistsOnly}, else every list item not nested in another.
   */
  ItemWalk(List<Line> lines, int from, int to, boolean checklistsOnly) {
    this.lines = lines;
    this.from = from;
    this.to = to;
    this.checklistsOnly = checklistsOnly;
  }

  void each(Consumer<Item> found) {
    Open open = null;
    for (int i = from; i < to; i++) {
      Line line = lines.get(i);
      if (open != null && open.holds(line)) {
        open.take(line);
        continue;
      }
      if (open != null && open.keep) {
        found.accept(open.item());
      }
      open = starts(line) ? new Open(line) : null;
    }
    if (open != null && open.keep) {
      found.accept(open.item());
    }
  }

  private boolean starts(Line line) {
    return line.kind() == Line.Kind.ITEM && (!checklistsOnly || line.isChecklist());
  }

  /** The item being read: its first line, and the body gathered so far. */
  private static final class Open {
    private final Line first;
    private final Body body;
    private final boolean keep;
    private Line.Kind last;

    Open(Line first) {
      this.first = first;
      this.body = new Body(first.content());
      this.keep = first.check() != Line.Check.DONE;
      this.last = first.kind();
    }

    /**
     * Whether the line belongs to the item: nested in it, a blank, the rest of a code block inside
     * it, or a line that continues its text with no blank before (a lazy continuation).
     */
    boolean holds(Line line) {
      return switch (line.kind()) {
        case BLANK -> true;
        case CODE -> line.indent() >= first.content() || last == Line.Kind.CODE;
        case ITEM -> line.indent() >= first.content();
        case TEXT ->
            line.indent() >= first.content() || last == Line.Kind.TEXT || last == Line.Kind.ITEM;
        case HEADING -> false;
      };
    }

    void take(Line line) {
      last = line.kind();
      if (!keep) {
        return;
      }
      if (line.kind() == Line.Kind.BLANK) {
        body.blank();
      } else {
        body.add(line.text());
      }
    }

    Item item() {
      return new Item(first.words(), body.toString());
    }
  }
}

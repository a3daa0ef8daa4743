package dev.specbot.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts mrkdwn that is too long for one section into pieces that each fit: between lines where it
 * can, between words where a line is too long, and anywhere (but never inside a surrogate pair, an
 * entity or a link) as a last resort. A piece that ends inside a code fence is closed with a fence
 * and the next piece reopens it, so every piece renders its code as code.
 *
 * <p>It relies on two facts of the converter's output: every {@code ```} line is a fence the
 * converter wrote (user text has its backtick runs broken up), and every raw {@code <} starts a
 * link the converter built (user text has its {@code <} escaped).
 */
final class TextSplitter {
  private static final Pattern FENCE_LINE = Pattern.compile("((?:> )*)" + BlockMrkdwn.FENCE);

  /**
   * What a line broken in two repeats at the start of its continuation: quote marks, indentation.
   */
  private static final Pattern CARRIED_PREFIX = Pattern.compile("^(?:> )*+ *");

  /** A longer prefix is not repeated, so that a broken line always gets shorter. */
  private static final int LONGEST_CARRIED_PREFIX = 40;

  /** Longest entity the converter writes: the five characters of the escaped ampersand. */
  private static final int LONGEST_ENTITY = 5;

  private final int limit;
  private final List<String> pieces = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();

  /** Length of {@link #current} before anything was added to it (a reopened fence, or 0). */
  private int freshLength;

  /** The quote marks before the open fence's {@code ```}, or null outside a fence. */
  private String fencePrefix;

  /** Lines of code in the current piece since its fence opened. */
  private int codeLines;

  private TextSplitter(int limit) {
    this.limit = limit;
  }

  /** The text in pieces of at most {@code limit} characters; the text itself if it fits. */
  static List<String> split(String mrkdwn, int limit) {
    if (mrkdwn.length() <= limit) {
      return List.of(mrkdwn);
    }
    TextSplitter splitter = new TextSplitter(limit);
    for (String line : mrkdwn.split("\n", -1)) {
      splitter.add(line);
    }
    splitter.finish();
    return splitter.pieces;
  }

  private void add(String line) {
    if (fits(line)) {
      append(line);
      return;
    }
    if (current.length() > freshLength) {
      cut();
      if (fits(line)) {
        append(line);
        return;
      }
    }
    addLongLine(line);
  }

  /**
   * A line too long for a piece of its own, broken into as many pieces as it takes.
   *
   * <p>What is left of the line is {@code head} (the carried prefix) then the line from {@code
   * from}; only the part a break can fall in is made into a string for each piece, since copying
   * the whole rest each time took the square of the line's length.
   */
  private void addLongLine(String line) {
    String prefix = inFence() ? fencePrefix : carriedPrefix(line);
    if (prefix.length() > LONGEST_CARRIED_PREFIX) {
      prefix = "";
    }
    String head = "";
    int from = 0;
    while (head.length() + line.length() - from > limit || !fits(head + line.substring(from))) {
      int room = room();
      int visible = Math.min(line.length(), from + room + LONGEST_ENTITY + 1);
      String window = head + line.substring(from, Math.max(from, visible));
      Break at = breakPoint(window, room, prefix.length());
      append(window.substring(0, at.end()));
      cut();
      int resumeInLine = from + Math.max(0, at.resume() - head.length());
      head = prefix + (at.resume() < head.length() ? head.substring(at.resume()) : "");
      from = resumeInLine;
    }
    append(head + line.substring(from));
  }

  private boolean fits(String line) {
    if (line.length() > limit) {
      return false; // whatever follows: and a long line is not read for a fence once per piece
    }
    boolean fenceAfter = inFence() != isFence(line);
    int closing = fenceAfter ? closingFence(isFence(line) ? fencePrefixOf(line) : fencePrefix) : 0;
    return current.length() + separator() + line.length() + closing <= limit;
  }

  /** Room for the rest of a line broken inside the current piece. */
  private int room() {
    return limit - current.length() - separator() - (inFence() ? closingFence(fencePrefix) : 0);
  }

  private void append(String line) {
    if (current.length() > 0) {
      current.append('\n');
    }
    current.append(line);
    if (isFence(line)) {
      fencePrefix = inFence() ? null : fencePrefixOf(line);
      codeLines = 0;
    } else if (inFence()) {
      codeLines++;
    }
  }

  /** Ends the current piece (closing an open fence) and starts the next (reopening it). */
  private void cut() {
    if (inFence()) {
      if (codeLines == 0) {
        dropLastLine(); // the fence has just opened: open it in the next piece instead
      } else {
        current.append('\n').append(fencePrefix).append(BlockMrkdwn.FENCE);
      }
    }
    addPiece();
    current.setLength(0);
    if (inFence()) {
      current.append(fencePrefix).append(BlockMrkdwn.FENCE);
      codeLines = 0;
    }
    freshLength = current.length();
  }

  private void finish() {
    if (current.length() > freshLength) {
      addPiece();
    }
  }

  /**
   * Keeps the current piece, without the blank lines a cut between paragraphs leaves at its edges.
   */
  private void addPiece() {
    String piece = current.toString();
    if (!piece.isBlank()) {
      int start = 0;
      int end = piece.length();
      while (piece.charAt(start) == '\n') {
        start++;
      }
      while (piece.charAt(end - 1) == '\n') {
        end--;
      }
      pieces.add(piece.substring(start, end));
    }
  }

  private void dropLastLine() {
    int newline = current.lastIndexOf("\n");
    current.setLength(Math.max(newline, 0));
  }

  /** Where to break a line that does not fit: at the last space that fits, else at {@code room}. */
  private Break breakPoint(String line, int room, int prefixLength) {
    int max = Math.min(room, line.length() - 1);
    if (!inFence()) {
      for (int i = max; i > prefixLength; i--) {
        if (line.charAt(i) == ' ' && !insideLink(line, i)) {
          return new Break(i, i + 1);
        }
      }
    }
    int end = hardBreak(line, max, prefixLength);
    return new Break(end, end);
  }

  /**
   * A break between any two characters, moved back so as not to cut a character, entity or link.
   */
  private int hardBreak(String line, int end, int prefixLength) {
    int at = end;
    if (Character.isLowSurrogate(line.charAt(at)) && at - 1 > prefixLength) {
      at--;
    }
    int ampersand = line.lastIndexOf('&', at - 1);
    if (ampersand > prefixLength && at - ampersand < LONGEST_ENTITY) {
      int semicolon = line.indexOf(';', ampersand);
      if (semicolon >= at && semicolon - ampersand < LONGEST_ENTITY) {
        at = ampersand;
      }
    }
    if (!inFence() && insideLink(line, at)) {
      int open = line.lastIndexOf('<', at);
      if (open > prefixLength) {
        at = open;
      }
    }
    return at;
  }

  /** Whether position {@code at} lies inside a {@code <...>} link the converter built. */
  private static boolean insideLink(String line, int at) {
    return line.lastIndexOf('<', at) > line.lastIndexOf('>', at);
  }

  private boolean inFence() {
    return fencePrefix != null;
  }

  private int separator() {
    return current.length() > 0 ? 1 : 0;
  }

  private static boolean isFence(String line) {
    return line.endsWith(BlockMrkdwn.FENCE) && FENCE_LINE.matcher(line).matches();
  }

  private static String fencePrefixOf(String line) {
    Matcher fence = FENCE_LINE.matcher(line);
    return fence.matches() ? fence.group(1) : "";
  }

  private static int closingFence(String prefix) {
    return 1 + prefix.length() + BlockMrkdwn.FENCE.length();
  }

  private static String carriedPrefix(String line) {
    Matcher prefix = CARRIED_PREFIX.matcher(line);
    return prefix.find() ? prefix.group() : "";
  }

  /** A line break: the first part ends at {@code end}, the rest resumes at {@code resume}. */
  private record Break(int end, int resume) {}
}

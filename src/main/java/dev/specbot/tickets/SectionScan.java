package dev.specbot.tickets;

import java.util.List;

/**
 * Finds the action items of one answer: splits it at its own headings into parts, each of which
 * takes its kind from its heading and the headings above it (the question's first), and reads each
 * part by the package's rule. Every line is looked at a bounded number of times.
 */
final class SectionScan {
  private static final int LEVELS = 7;

  private final Source source;
  private final List<Line> lines;
  private final Found found;
  private final Steps steps;

  /** Per heading level (0: the question's own), the heading in force; null when none is. */
  private final String[] headings = new String[LEVELS];

  /** Per heading level, whether it or a heading above it heads an action section. */
  private final boolean[] actions = new boolean[LEVELS];

  /** Per heading level, whether it heads a group of units (Milestones, Phases). */
  private final boolean[] unitsGroup = new boolean[LEVELS];

  /**
   * Where an answer comes from.
   *
   * @param heading the question's heading as the document shows it
   * @param group the heading of the group it sits in; empty for none
   */
  record Source(String questionId, String heading, String group) {}

  private SectionScan(Source source, List<Line> lines, Found found, Steps steps) {
    this.source = source;
    this.lines = lines;
    this.found = found;
    this.steps = steps;
  }

  static void scan(Source source, String answer, Found found, Steps steps) {
    new SectionScan(source, AnswerLines.read(answer, steps), found, steps).parts();
  }

  private void parts() {
    headings[0] = source.heading();
    actions[0] = Headings.isActions(source.heading());
    unitsGroup[0] = Headings.isUnitsGroup(source.heading());
    boolean unit =
        Headings.isUnit(source.heading())
            || (!source.group().isEmpty() && Headings.isUnitsGroup(source.group()));
    int from = 0;
    int level = 0;
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.kind() == Line.Kind.HEADING) {
        part(from, i, level, unit);
        level = line.heading();
        int parent = parent(level);
        // Cut: a heading of a whole answer's length would be copied into every ticket under it.
        String words = Titles.bounded(line.words());
        headings[level] = words;
        actions[level] = actions[parent] || Headings.isActions(words);
        unitsGroup[level] = Headings.isUnitsGroup(words);
        unit = Headings.isUnit(words) || unitsGroup[parent];
        for (int below = level + 1; below < LEVELS; below++) {
          headings[below] = null;
        }
        from = i + 1;
      }
    }
    part(from, lines.size(), level, unit);
  }

  /** The deepest heading above {@code level}; the question's when there is none. */
  private int parent(int level) {
    int parent = level - 1;
    while (parent > 0 && headings[parent] == null) {
      parent--;
    }
    return parent;
  }

  private void part(int from, int to, int level, boolean unit) {
    String section = level == 0 ? source.heading() : source.heading() + " › " + headings[level];
    boolean checks = false;
    boolean text = false;
    for (int i = from; i < to; i++) {
      checks |= lines.get(i).isChecklist();
      text |= lines.get(i).kind() != Line.Kind.BLANK;
    }
    steps.add(to - from);
    if (checks) {
      new ItemWalk(lines, from, to, true).each(item -> add(section, item));
    } else if (unit && (level > 0 || text)) {
      Body body = new Body(0);
      for (int i = from; i < to; i++) {
        addLine(body, lines.get(i));
      }
      String where = level > 0 || source.group().isEmpty() ? source.heading() : source.group();
      found.add(
          source.questionId(),
          where,
          level == 0 ? source.heading() : headings[level],
          body.toString());
    } else if (actions[level]) {
      new ItemWalk(lines, from, to, false).each(item -> add(section, item));
    }
  }

  private void add(String section, ItemWalk.Item item) {
    found.add(source.questionId(), section, item.title(), item.body());
  }

  private static void addLine(Body body, Line line) {
    if (line.kind() == Line.Kind.BLANK) {
      body.blank();
    } else {
      body.add(line.text());
    }
  }
}

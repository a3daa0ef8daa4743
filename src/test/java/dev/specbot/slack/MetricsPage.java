package dev.specbot.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A page of Prometheus' text format, read as a test needs it: samples by name and labels. */
final class MetricsPage {
  /** {@code name{label="value",...} number}, or {@code name number}. */
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  final String text;

  MetricsPage(String text) {
    this.text = text;
  }

  /**
   * The sum of the samples named {@code name} whose labels include {@code labels} (as {@code
   * "kind", "reply", ...}), or empty when there is none.
   */
  OptionalDouble sum(String name, String... labels) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    boolean found = false;
    double sum = 0;
    for (String line : text.lines().toList()) {
      Matcher sample = SAMPLE.matcher(line);
      if (sample.matches()
          && sample.group(1).equals(name)
          && labelsOf(sample.group(2)).entrySet().containsAll(wanted.entrySet())) {
        found = true;
        sum += Double.parseDouble(sample.group(3));
      }
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }

  /** {@link #sum}, or 0 when there is no such sample. */
  double value(String name, String... labels) {
    return sum(name, labels).orElse(0);
  }

  boolean has(String name, String... labels) {
    return sum(name, labels).isPresent();
  }

  private static Map<String, String> labelsOf(String labels) {
    Map<String, String> parsed = new LinkedHashMap<>();
    if (labels != null) {
      Matcher label = LABEL.matcher(labels);
      while (label.find()) {
        parsed.put(label.group(1), label.group(2));
      }
    }
    return parsed;
  }

  @Override
  public String toString() {
    return text;
  }
}

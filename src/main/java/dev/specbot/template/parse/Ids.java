package dev.specbot.template.parse;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ids of a template's questions and groups: stable, readable keys made from their headings or
 * labels, numbered when one is already taken.
 */
public final class Ids {
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9/]+");

  private final Set<String> ids = new HashSet<>();

  /** Per id base, the last number tried: ids already taken stay taken. */
  private final Map<String, Integer> idNumbers = new HashMap<>();

  /**
   * The id for a heading path or a label: its {@link #slug}, or the slug with the first free number
   * from 2: {@code goals}, {@code goals-2}.
   */
  String unique(String text) {
    String base = slug(text);
    String name = base.isEmpty() ? "section" : base;
    String candidate = name;
    // Numbers tried before for this base were taken, and stay taken: a template of one heading
    // repeated thousands of times would otherwise try them all again for each copy.
    int n = idNumbers.getOrDefault(name, 1);
    while (!ids.add(candidate)) {
      n++;
      candidate = name + "-" + n;
    }
    idNumbers.put(name, n);
    return candidate;
  }

  /**
   * A stable, readable key: "Architecture Overview/System Context" gives
   * "architecture-overview/system-context". Public for the spec's file name, which is made the same
   * way.
   */
  public static String slug(String text) {
    String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    String slug =
        trimmed(NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replace("-/", "/"))
            .replace("/-", "/");
    return slug.length() > 80 ? trimmed(slug.substring(0, 80)) : slug;
  }

  /**
   * Without dashes and slashes at either end. By hand: the pattern {@code [-/]+$} tried every slash
   * of a long run of them against the rest of the run.
   */
  private static String trimmed(String slug) {
    int start = 0;
    while (start < slug.length() && (slug.charAt(start) == '-' || slug.charAt(start) == '/')) {
      start++;
    }
    int end = slug.length();
    while (end > start && (slug.charAt(end - 1) == '-' || slug.charAt(end - 1) == '/')) {
      end--;
    }
    return slug.substring(start, end);
  }
}

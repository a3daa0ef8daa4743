package dev.specbot.template.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.template.Fixtures;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.markdown.AtxHeading;
import dev.specbot.template.markdown.EmphasisMarks;
import dev.specbot.template.markdown.Inline;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanners that replaced regular expressions which backtracked read text exactly
 * as those expressions did: each is run against its former pattern on a large random sample of
 * short strings over the characters that matter to it.
 */
class LinearScannersTest {
  private static final int SAMPLES = 20_000;

  @Test
  void an_atx_heading_reads_as_the_former_pattern_read_it() {
    Pattern former = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+|$)(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    agree(
        "# \ta",
        9,
        line -> {
          Matcher matcher = former.matcher(line);
          return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        },
        AtxHeading::text);
  }

  @Test
  void line_breaks_fold_as_the_former_pattern_folded_them() {
    Pattern former = Pattern.compile("\\s*\\R\\s*");
    agree(" \t\n\ra", 10, text -> former.matcher(text).replaceAll(" "), Inline::foldLineBreaks);
  }

  @Test
  void emphasis_marks_come_off_as_the_former_pattern_took_them_off() {
    Pattern former = Pattern.compile("(\\*\\*|__|\\*|_)(\\S(?:.*?\\S)?)\\1");
    agree("*_a \n\u2028", 12, text -> former.matcher(text).replaceAll("$2"), EmphasisMarks::strip);
  }

  @Test
  void a_trailing_template_word_goes_as_the_former_pattern_took_it() {
    Pattern former = Pattern.compile("\\s*[-–—:]?\\s*\\btemplate\\s*$", Pattern.CASE_INSENSITIVE);
    String[] words = {"template", "Template", "TEMPLATE", "xtemplate", "templates", "title"};
    agree(
        " -–:\ta_",
        5,
        text -> text + words[Math.floorMod(text.hashCode(), words.length)] + " ",
        text -> former.matcher(text).replaceFirst(""),
        Placeholders::withoutTemplateWord);
  }

  @Test
  void a_trailing_title_word_is_found_as_the_former_pattern_found_it() {
    Pattern former = Pattern.compile("(?i).*\\btitle\\s*$");
    String[] words = {"title", "Title", "TITLE", "xtitle", "titles", "template"};
    agree(
        " -:\ta_",
        5,
        text -> text + words[Math.floorMod(text.hashCode(), words.length)] + " ",
        text -> former.matcher(text).matches(),
        text -> Placeholders.trailingWord(text, "title") >= 0);
  }

  @Test
  void a_metadata_line_splits_as_the_former_pattern_split_it() {
    Pattern former =
        Pattern.compile(
            "^(?<lead>[ \\t]{0,3}(?:>[ \\t]?)?)"
                + "(?<markup>\\*\\*(?<l1>[\\p{L}][^*:\\n]{0,39})\\*\\*[ \\t]*:"
                + "|\\*\\*(?<l2>[\\p{L}][^*:\\n]{0,39}):\\*\\*"
                + "|__(?<l3>[\\p{L}][^_:\\n]{0,39})__[ \\t]*:"
                + "|(?<l4>[\\p{L}][\\p{L}\\p{N} /&'().-]{0,39}):)"
                + "(?<value>.*?)(?<end>[ \\t]*)$");
    agree(
        " \ta:*_>",
        10,
        line -> line,
        line -> {
          Matcher m = former.matcher(line);
          return m.matches()
              ? m.group("lead")
                  + "|"
                  + m.group("markup")
                  + "|"
                  + m.group("value").strip()
                  + "|"
                  + (m.group("end").length() >= 2)
              : "none";
        },
        line ->
            FieldLine.parse(line)
                .map(
                    f ->
                        f.lead()
                            + "|"
                            + f.labelMarkup()
                            + "|"
                            + f.value()
                            + "|"
                            + !f.lineEnd().isEmpty())
                .orElse("none"));
  }

  @Test
  void a_checklist_step_is_found_as_the_former_pattern_found_it() {
    Pattern former =
        Pattern.compile(
            "(?i)schedul\\w*\\b.*\\b(?:discuss\\w*|meeting|review)\\b"
                + "|\\b(?:discuss\\w*|meeting|review)\\b.*\\bschedul");
    String[] words = {"Schedule", "reschedule", "meeting", "meetings", "review", "discussion", "x"};
    agree(
        " -_",
        6,
        text -> {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line.append(words[Math.floorMod(line.length() * 31 + c, words.length)]).append(c);
          }
          return line.toString();
        },
        line -> former.matcher(line).find(),
        KeptSections::isMeetingStep);
  }

  @Test
  void an_id_is_made_as_the_former_patterns_made_it() {
    Function<String, String> former =
        text -> {
          String ascii =
              java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
                  .replaceAll("\\p{M}", "");
          String slug =
              ascii
                  .toLowerCase(java.util.Locale.ROOT)
                  .replaceAll("[^a-z0-9/]+", "-")
                  .replaceAll("-*/-*", "/")
                  .replaceAll("^[-/]+|[-/]+$", "");
          return slug.length() > 80 ? slug.substring(0, 80).replaceAll("[-/]+$", "") : slug;
        };
    agree("a-/ .\u00E9", 12, former, Ids::slug);
    agree("ab/-", 160, former, Ids::slug);
  }

  @Test
  void repeated_headings_are_numbered_as_before() {
    Template template = Fixtures.template("# Doc\n## Goals\n## Goals 2\n## Goals\n## Goals\n");

    assertEquals(
        java.util.List.of("goals", "goals-2", "goals-3", "goals-4"),
        template.questions().stream().map(Question::id).toList());
  }

  private static <R> void agree(
      String alphabet, int maxLength, Function<String, R> former, Function<String, R> scanner) {
    agree(alphabet, maxLength, Function.identity(), former, scanner);
  }

  /** Compares on random strings over {@code alphabet} of up to {@code maxLength} characters. */
  private static <R> void agree(
      String alphabet,
      int maxLength,
      Function<String, String> shaped,
      Function<String, R> former,
      Function<String, R> scanner) {
    Random random = new Random(13);
    for (int i = 0; i < SAMPLES; i++) {
      int length = random.nextInt(maxLength + 1);
      StringBuilder text = new StringBuilder(length);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = shaped.apply(text.toString());
      assertEquals(former.apply(input), scanner.apply(input), () -> "on \"" + input + "\"");
    }
  }
}

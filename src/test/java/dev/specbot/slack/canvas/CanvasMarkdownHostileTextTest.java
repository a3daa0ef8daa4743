package dev.specbot.slack.canvas;

import static dev.specbot.text.AdversarialText.MESSAGE;
import static dev.specbot.text.LinearTime.assertLinear;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.text.AdversarialText;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hostile shape of text (see {@link AdversarialText}) as a spec: the conversion keeps every
 * word, stays in the canvas subset, and takes time that grows with the text, never faster (see
 * {@link dev.specbot.text.LinearTime}), with tables and without.
 */
class CanvasMarkdownHostileTextTest {
  /** Long enough to show what goes wrong, short enough to compare words quickly. */
  private static final int CHECKED_LENGTH = 4_000;

  @TestFactory
  Stream<DynamicTest> hostile_text_keeps_every_word_and_stays_in_the_subset() {
    return AdversarialText.shapes().stream()
        .flatMap(
            shape ->
                Stream.of(true, false)
                    .map(
                        tables ->
                            DynamicTest.dynamicTest(
                                shape + (tables ? "" : ", without tables"),
                                () -> {
                                  String text = shape.text().apply(CHECKED_LENGTH);
                                  String canvas = CanvasMarkdown.withTables(tables).convert(text);
                                  assertEquals(
                                      List.of(),
                                      CanvasMarkdownSubset.withTables(tables).violations(canvas));
                                  assertEquals(
                                      java.util.Map.of(),
                                      CanvasWords.missing(CanvasWords.asShown(text), canvas));
                                })));
  }

  @TestFactory
  Stream<DynamicTest> a_spec_becomes_canvas_markdown_in_linear_time() {
    return AdversarialText.shapes().stream()
        .flatMap(
            shape ->
                Stream.of(true, false)
                    .map(
                        tables ->
                            DynamicTest.dynamicTest(
                                "CanvasMarkdown.convert: " + shape + (tables ? "" : ", no tables"),
                                () ->
                                    assertLinear(
                                        shape.text(),
                                        CanvasMarkdown.withTables(tables)::convert,
                                        MESSAGE))));
  }
}

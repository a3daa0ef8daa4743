package dev.specbot.slack.blocks;

import static dev.specbot.text.AdversarialText.MESSAGE;
import static dev.specbot.text.LinearTime.assertLinear;

import dev.specbot.text.AdversarialText;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conversion of a document to Slack blocks, on every hostile shape at the longest a message can
 * be: time grows with the text, never faster (see {@link dev.specbot.text.LinearTime}).
 */
class WorstCaseSlackTextTimingTest {
  @TestFactory
  Stream<DynamicTest> a_document_becomes_messages_in_linear_time() {
    return everyShape("SpecBlocks.messages", SpecBlocks::messages);
  }

  @TestFactory
  Stream<DynamicTest> text_is_escaped_for_slack_in_linear_time() {
    return everyShape(
        "SlackText.escape",
        text -> {
          SlackText.escape(text);
          SlackText.breakFences(text);
          SlackText.link("https://example.com/" + text, text);
        });
  }

  @TestFactory
  Stream<DynamicTest> mrkdwn_is_cut_into_sections_in_linear_time() {
    return everyShape(
        "TextSplitter.split", text -> TextSplitter.split(text, SpecBlocks.MAX_SECTION_TEXT));
  }

  private static Stream<DynamicTest> everyShape(String what, Consumer<String> work) {
    return AdversarialText.shapes().stream()
        .map(
            shape ->
                DynamicTest.dynamicTest(
                    what + ": " + shape, () -> assertLinear(shape.text(), work, MESSAGE)));
  }
}

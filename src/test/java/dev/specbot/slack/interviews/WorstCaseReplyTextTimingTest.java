package dev.specbot.slack.interviews;

import static dev.specbot.text.AdversarialText.MESSAGE;
import static dev.specbot.text.LinearTime.assertLinear;

import com.slack.api.model.File;
import dev.specbot.text.AdversarialText;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A reply made an answer, its text and its files' names in every hostile shape at the longest a
 * message can be, in time that grows with them (see {@link dev.specbot.text.LinearTime}).
 */
class WorstCaseReplyTextTimingTest {
  @TestFactory
  Stream<DynamicTest> a_reply_with_files_becomes_an_answer_in_linear_time() {
    return AdversarialText.shapes().stream()
        .map(
            shape ->
                DynamicTest.dynamicTest(
                    "ReplyText.of: " + shape,
                    () ->
                        assertLinear(
                            shape.text(),
                            text -> ReplyText.of(text, List.of(file(text), file(text))),
                            MESSAGE)));
  }

  private static File file(String name) {
    File file = new File();
    file.setName(name);
    file.setPermalink("https://example.slack.com/files/U1/F1/" + name);
    return file;
  }
}

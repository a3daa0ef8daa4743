package dev.specbot.slack.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table whose columns would have to be padded far beyond its own size to line up is written with
 * its cells as they are: the document stays about as long as it was written.
 */
class WideTablesTest {
  @Test
  void a_small_table_is_aligned() {
    assertEquals(
        List.of("```\nStep    | Owner\n--------+------\nMigrate | Ann\nDeploy  | Bob\n```"),
        Converted.of("| Step | Owner |\n|---|---|\n| Migrate | Ann |\n| Deploy | Bob |\n")
            .sections());
  }

  @Test
  void a_table_with_one_wide_cell_and_many_rows_keeps_its_cells_unpadded() {
    String rows = "| a | b |\n".repeat(200);
    String markdown = "| A | B |\n|---|---|\n| " + "x".repeat(2_000) + " | b |\n" + rows;

    String text = String.join("\n", Converted.of(markdown).sections());

    assertTrue(text.contains("\na | b\na | b\n"), "rows are not padded to the wide cell");
    assertTrue(
        text.length() < 2 * markdown.length(),
        () -> text.length() + " characters for a table of " + markdown.length());
  }

  @Test
  void a_table_answer_of_a_whole_message_takes_a_few_messages_not_thousands() {
    String markdown =
        "| A | B |\n|---|---|\n| " + "x".repeat(20_000) + " | b |\n" + "| a | b |\n".repeat(2_000);

    List<?> messages = SpecBlocks.messages(markdown);

    assertTrue(messages.size() <= 5, () -> messages.size() + " messages");
  }
}

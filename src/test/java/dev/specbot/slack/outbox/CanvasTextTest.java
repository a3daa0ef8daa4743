package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.template.markdown.Inline;
import org.junit.jupiter.api.Test;

class CanvasTextTest {
  private static final String HOSTILE = "<!channel> <@U0BOB> <https://evil.example|x> R&D @here";

  @Test
  void a_title_is_plain_text_that_no_markup_or_broadcast_reads_in() {
    assertEquals(
        "<\u2060!channel> <\u2060@U0BOB> <\u2060https://evil.example|x> R&D @\u2060here",
        CanvasText.title(HOSTILE));
    assertEquals("Payment retries", CanvasText.title("Payment retries"));
    assertEquals("mail me@heretic.example", CanvasText.title("mail me@heretic.example"));
  }

  @Test
  void the_title_in_the_document_becomes_entities_which_a_canvas_shows_as_typed() {
    String spec = "# " + Inline.escape(HOSTILE) + "\n\n**Title**: " + Inline.escape(HOSTILE) + "\n";

    String inert = CanvasText.withInertTitle(spec, HOSTILE);

    String escaped =
        "&lt;!channel&gt; &lt;@U0BOB&gt; &lt;https://evil.example\\|x&gt; R&amp;D @\u2060here";
    assertEquals("# " + escaped + "\n\n**Title**: " + escaped + "\n", inert);
  }

  @Test
  void a_document_without_the_title_is_left_as_it_is() {
    assertEquals("# Other\n", CanvasText.withInertTitle("# Other\n", "Payment <retries>"));
    assertEquals("# Other\n", CanvasText.withInertTitle("# Other\n", ""));
  }
}

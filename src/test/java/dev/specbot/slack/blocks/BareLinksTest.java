package dev.specbot.slack.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a bare web address in running text ends: its own parentheses kept, the sentence's not. */
class BareLinksTest {
  @Test
  void closing_parentheses_beyond_the_addresses_own_are_left_to_the_sentence() {
    assertEquals(
        List.of("(see <https://example.com/a_(b)>))."),
        Converted.of("(see https://example.com/a_(b))).").sections());
  }

  @Test
  void punctuation_between_closing_parentheses_comes_off_with_them() {
    assertEquals(
        List.of("<https://example.com/(a)(b)>),.)!"),
        Converted.of("https://example.com/(a)(b)),.)!").sections());
  }

  @Test
  void an_address_followed_by_forty_thousand_closing_parentheses_links_only_the_address() {
    String parentheses = ")".repeat(40_000);

    assertEquals(
        "<http://a>" + parentheses.substring(0, SpecBlocks.MAX_SECTION_TEXT - 10),
        Converted.of("http://a" + parentheses).sections().get(0));
  }
}

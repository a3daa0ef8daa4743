package dev.specbot.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShortenedTest {
  @Test
  void a_short_text_is_kept_on_one_line() {
    assertEquals("one two three", Shortened.of("  one\n\ttwo   three \n"));
  }

  @Test
  void a_text_of_exactly_the_limit_is_not_cut() {
    String eighty = "x".repeat(Shortened.MAX);

    assertEquals(eighty, Shortened.of(eighty));
    assertEquals(eighty + "…", Shortened.of(eighty + "y"));
  }

  @Test
  void a_surrogate_pair_is_never_split() {
    String emoji = "😀".repeat(100);

    String cut = Shortened.of(emoji);

    assertEquals(Shortened.MAX + 1, cut.codePointCount(0, cut.length()));
    assertEquals("😀".repeat(Shortened.MAX) + "…", cut);
  }

  @Test
  void trailing_whitespace_does_not_count_as_more() {
    assertEquals("x".repeat(Shortened.MAX), Shortened.of("x".repeat(Shortened.MAX) + "   "));
  }
}

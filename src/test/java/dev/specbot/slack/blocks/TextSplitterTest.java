package dev.specbot.slack.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {
  @Test
  void text_that_fits_is_one_piece() {
    assertEquals(List.of("short\ntext"), TextSplitter.split("short\ntext", 20));
  }

  @Test
  void text_is_cut_between_lines_first() {
    assertEquals(
        List.of("one two\nthree", "four five"),
        TextSplitter.split("one two\nthree\nfour five", 14));
  }

  @Test
  void a_cut_between_paragraphs_leaves_no_blank_line_at_either_edge() {
    assertEquals(
        List.of("first para", "second para"), TextSplitter.split("first para\n\nsecond para", 12));
  }

  @Test
  void a_long_line_is_cut_between_words_and_keeps_its_quote_marks() {
    assertEquals(
        List.of("> alpha beta", "> gamma delta"),
        TextSplitter.split("> alpha beta gamma delta", 13));
  }

  @Test
  void a_cut_inside_a_code_fence_closes_and_reopens_it() {
    assertEquals(
        List.of("text\n```\na = 1\n```", "```\nb = 2\n```"),
        TextSplitter.split("text\n```\na = 1\nb = 2\n```", 20));
  }

  @Test
  void a_fence_that_would_open_at_the_end_of_a_piece_opens_in_the_next_instead() {
    assertEquals(
        List.of("some text here", "```\ncode line\n```"),
        TextSplitter.split("some text here\n```\ncode line\n```", 20));
  }

  @Test
  void a_quoted_code_fence_is_reopened_inside_the_quote() {
    assertEquals(
        List.of("> ```\n> a = 1\n> ```", "> ```\n> b = 2\n> ```"),
        TextSplitter.split("> ```\n> a = 1\n> b = 2\n> ```", 20));
  }

  @Test
  void a_hard_cut_never_splits_an_entity_a_link_or_an_emoji() {
    assertEquals(List.of("abcdefg", "&amp;hij"), TextSplitter.split("abcdefg&amp;hij", 10));
    assertEquals(List.of("abcd", "<https://x>"), TextSplitter.split("abcd<https://x>", 12));
    assertEquals(List.of("abcdefghi", "😀x"), TextSplitter.split("abcdefghi😀x", 10));
  }

  @Test
  void a_space_inside_a_link_label_is_not_a_place_to_cut() {
    assertEquals(
        List.of("see", "<https://x|a b c>"), TextSplitter.split("see <https://x|a b c>", 18));
  }
}

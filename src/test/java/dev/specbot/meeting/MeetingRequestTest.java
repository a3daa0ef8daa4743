package dev.specbot.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.meeting.MeetingRequest.Parsed;
import dev.specbot.meeting.MeetingRequest.Proposal;
import dev.specbot.meeting.MeetingRequest.Reason;
import dev.specbot.meeting.MeetingRequest.Refused;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Written meeting requests, read at a fixed moment: Thursday 19 November 2026, 09:00 in Berlin.
 * Nothing here may depend on the machine's clock or default time zone.
 */
class MeetingRequestTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant NOW = ZonedDateTime.of(2026, 11, 19, 9, 0, 0, 0, BERLIN).toInstant();

  @ParameterizedTest(name = "\"{0}\" starts at {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          meeting next Tuesday 3pm              | 2026-11-24T15:00
          tomorrow at 10:30 for 45 minutes      | 2026-11-20T10:30
          Dec 3 at 14:30                        | 2026-12-03T14:30
          reschedule to friday 9am              | 2026-11-20T09:00
          next monday at noon for an hour       | 2026-11-23T12:00
          MEETING next tuesday 3 pm             | 2026-11-24T15:00
          Meet at 9 tomorrow                    | 2026-11-20T09:00
          schedule for tomorrow 3pm             | 2026-11-20T15:00
          move it to monday at 10am             | 2026-11-23T10:00
          move to Monday 10am                   | 2026-11-23T10:00
          discussion on Dec 3 at 2pm            | 2026-12-03T14:00
          meeting: tomorrow 15:00               | 2026-11-20T15:00
          tomorrow at 9                         | 2026-11-20T09:00
          tomorrow at 09:30                     | 2026-11-20T09:30
          tomorrow at 9.30                      | 2026-11-20T09:30
          tomorrow 9.30am                       | 2026-11-20T09:30
          tomorrow at 7:05 am                   | 2026-11-20T07:05
          next Tuesday at 3:00 p.m.             | 2026-11-24T15:00
          tomorrow at midnight                  | 2026-11-20T00:00
          tomorrow at 12 noon                   | 2026-11-20T12:00
          friday midday                         | 2026-11-20T12:00
          tomorrow at 10 o'clock                | 2026-11-20T10:00
          3pm                                   | 2026-11-19T15:00
          today at 3pm                          | 2026-11-19T15:00
          tonight at 8pm                        | 2026-11-19T20:00
          at 3pm on friday                      | 2026-11-20T15:00
          3pm next tuesday                      | 2026-11-24T15:00
          in 3 days at 11am                     | 2026-11-22T11:00
          3 December at 2pm                     | 2026-12-03T14:00
          Dec 3rd at 2pm                        | 2026-12-03T14:00
          December 24 at 10am                   | 2026-12-24T10:00
          2026-12-03 14:30                      | 2026-12-03T14:30
          next week at 10am                     | 2026-11-26T10:00
          day after tomorrow at 4pm             | 2026-11-21T16:00
          in 2 hours                            | 2026-11-19T11:00
          in 90 minutes                         | 2026-11-19T10:30
          in 1.5 hours                          | 2026-11-19T10:30
          in half an hour                       | 2026-11-19T09:30
          2 hours from now                      | 2026-11-19T11:00
          next tuesday 3pm about the budget     | 2026-11-24T15:00
          tomorow at 3pm                        | 2026-11-20T15:00
          🎉 tomorrow at 3pm 🎉                  | 2026-11-20T15:00
          """)
  void reads_the_start_in_the_writers_zone(String text, LocalDateTime expected) {
    assertEquals(expected.atZone(BERLIN), proposal(text, BERLIN, NOW).start());
  }

  @Test
  void next_tuesday_3pm_is_tuesday_24_november_at_three_in_berlin() {
    Proposal proposal = proposal("meeting next Tuesday 3pm", BERLIN, NOW);

    assertEquals(ZonedDateTime.parse("2026-11-24T15:00+01:00[Europe/Berlin]"), proposal.start());
    assertEquals(Optional.empty(), proposal.duration());
    assertEquals(List.of(), proposal.attendeeIds());
  }

  @Test
  void the_same_words_in_tokyo_mean_tokyo_wall_time() {
    Proposal proposal = proposal("meeting next Tuesday 3pm", TOKYO, NOW);

    assertEquals(ZonedDateTime.parse("2026-11-24T15:00+09:00[Asia/Tokyo]"), proposal.start());
  }

  @ParameterizedTest(name = "in {0}, \"tomorrow at 10am\" is {1}")
  @CsvSource({
    // 08:00 UTC is already 22:00 on the 19th at UTC+14, and still 00:00 on the 19th in Los Angeles.
    "Pacific/Kiritimati, 2026-11-20T10:00+14:00[Pacific/Kiritimati]",
    "America/Los_Angeles, 2026-11-20T10:00-08:00[America/Los_Angeles]",
    "Asia/Tokyo, 2026-11-20T10:00+09:00[Asia/Tokyo]",
  })
  void tomorrow_is_the_writers_tomorrow(ZoneId zone, ZonedDateTime expected) {
    Instant now = Instant.parse("2026-11-19T08:00:00Z");

    assertEquals(expected, proposal("tomorrow at 10am", zone, now).start());
  }

  @Test
  void a_date_across_the_spring_change_gets_summer_time() {
    Instant now = ZonedDateTime.of(2027, 3, 25, 9, 0, 0, 0, BERLIN).toInstant();

    assertEquals(
        ZonedDateTime.parse("2027-03-29T10:00+02:00[Europe/Berlin]"),
        proposal("next Monday at 10am", BERLIN, now).start());
  }

  @Test
  void a_date_across_the_autumn_change_gets_winter_time() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant now = ZonedDateTime.of(2026, 10, 29, 9, 0, 0, 0, newYork).toInstant();

    assertEquals(
        ZonedDateTime.parse("2026-11-02T09:00-05:00[America/New_York]"),
        proposal("next monday at 9am", newYork, now).start());
  }

  @Test
  void a_time_skipped_by_the_clock_change_moves_to_just_after_it() {
    Instant now = ZonedDateTime.of(2027, 3, 25, 9, 0, 0, 0, BERLIN).toInstant();

    assertEquals(
        ZonedDateTime.parse("2027-03-28T03:30+02:00[Europe/Berlin]"),
        proposal("Mar 28 at 2:30am", BERLIN, now).start());
  }

  @ParameterizedTest(name = "\"{0}\" lasts {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          for 45 minutes          | PT45M
          for 45 min              | PT45M
          for 45m                 | PT45M
          for 90 mins             | PT1H30M
          for forty-five minutes  | PT45M
          for an hour             | PT1H
          for 1 hour              | PT1H
          for 2 hours             | PT2H
          for 2 hrs               | PT2H
          for 1.5 hours           | PT1H30M
          for 1,5 hours           | PT1H30M
          for 1h30                | PT1H30M
          for 1h30m               | PT1H30M
          for 2h                  | PT2H
          for half an hour        | PT30M
          for an hour and a half  | PT1H30M
          for 1 hour 30 minutes   | PT1H30M
          for 1 hour and 15 min   | PT1H15M
          for 5 minutes           | PT5M
          for 8 hours             | PT8H
          FOR 45 MINUTES          | PT45M
          """)
  void reads_the_length_and_leaves_the_start_alone(String phrase, Duration expected) {
    Proposal after = proposal("tomorrow at 10:30 " + phrase, BERLIN, NOW);
    Proposal before = proposal(phrase + " tomorrow at 10:30", BERLIN, NOW);

    assertEquals(Optional.of(expected), after.duration());
    assertEquals(Optional.of(expected), before.duration());
    assertEquals(ZonedDateTime.parse("2026-11-20T10:30+01:00[Europe/Berlin]"), after.start());
    assertEquals(after.start(), before.start());
  }

  @Test
  void tomorrow_at_half_past_ten_for_45_minutes() {
    Proposal proposal = proposal("tomorrow at 10:30 for 45 minutes", BERLIN, NOW);

    assertEquals(ZonedDateTime.parse("2026-11-20T10:30+01:00[Europe/Berlin]"), proposal.start());
    assertEquals(Optional.of(Duration.ofMinutes(45)), proposal.duration());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "tomorrow 3pm for 10 hours",
        "tomorrow 3pm for 8.5 hours",
        "tomorrow 3pm for 4 minutes",
        "tomorrow 3pm for 0 minutes",
        "tomorrow 3pm for 2 days",
        "tomorrow 3pm for 99999999999 hours",
        "tomorrow 3pm for 30 minutes for an hour",
      })
  void a_length_outside_five_minutes_to_eight_hours_is_refused(String text) {
    Refused refused = refused(text, Reason.BAD_DURATION);

    assertTrue(refused.message().contains("5 minutes to 8 hours"), refused.message());
  }

  @Test
  void mentions_become_attendees_and_leave_the_date_alone() {
    Proposal proposal = proposal("Dec 3 at 14:30 with <@U123ABC> <@U456|bob>", BERLIN, NOW);

    assertEquals(List.of("U123ABC", "U456"), proposal.attendeeIds());
    assertEquals(ZonedDateTime.parse("2026-12-03T14:30+01:00[Europe/Berlin]"), proposal.start());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "<@U1AAA>, <@U2BBB> and <@U1AAA> tomorrow at 3pm",
        "tomorrow at 3pm with <@U1AAA>, <@U2BBB> and <@U1AAA|ann>",
        "tomorrow with <@U1AAA> &amp; <@U2BBB> at 3pm",
        "meeting <@U1AAA> <@U2BBB|Bob Smith> tomorrow 3pm",
      })
  void mentions_are_kept_in_order_without_repeats(String text) {
    Proposal proposal = proposal(text, BERLIN, NOW);

    assertEquals(List.of("U1AAA", "U2BBB"), proposal.attendeeIds());
    assertEquals(ZonedDateTime.parse("2026-11-20T15:00+01:00[Europe/Berlin]"), proposal.start());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "yesterday at 3pm",
        "today at 8am",
        "today at 9am",
        "last tuesday at 10am",
        "jan 5 at 9am",
      })
  void a_start_at_or_before_now_is_in_the_past(String text) {
    refused(text, Reason.IN_THE_PAST);
  }

  @Test
  void a_month_day_already_passed_this_year_suggests_writing_next_year() {
    Refused refused = refused("jan 5 at 9am", Reason.IN_THE_PAST);

    assertEquals(
        "Monday 5 January at 09:00 has already passed. Pick a later time, for example: `tomorrow"
            + " at 09:00`. If you meant next year, write the year: `5 January 2027 at 09:00`.",
        refused.message());
  }

  @Test
  void a_start_within_the_minute_of_now_is_in_the_past() {
    Instant now = NOW.plusSeconds(30);

    assertInstanceOf(Refused.class, MeetingRequest.parse("today at 9am", BERLIN, now));
  }

  @Test
  void a_bare_date_asks_for_the_time() {
    Refused refused = refused("next Tuesday", Reason.NO_TIME);

    assertEquals(
        "What time on Tuesday 24 November? For example: `next Tuesday 3pm`", refused.message());
  }

  @ParameterizedTest(name = "\"{0}\" suggests {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          meeting next Tuesday                | `next Tuesday 3pm`
          tomorrow                            | `tomorrow 3pm`
          tomorrow afternoon                  | `tomorrow afternoon 3pm`
          Dec 3                               | `Dec 3 at 3pm`
          tomorrow 1430                       | `Nov 20 at 3pm`
          friday with <@U123ABC> for an hour  | `friday 3pm`
          """)
  void a_day_without_a_time_of_day_asks_for_one_with_an_example(String text, String example) {
    Refused refused = refused(text, Reason.NO_TIME);

    assertTrue(refused.message().endsWith("For example: " + example), refused.message());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "in two years at 3pm",
        "Dec 3 2028 at 10am",
        "Dec 3 2028",
        "Nov 19 2027 at 9:01am",
      })
  void a_start_more_than_a_year_ahead_is_refused(String text) {
    refused(text, Reason.TOO_FAR_AHEAD);
  }

  @Test
  void exactly_a_year_ahead_is_still_allowed() {
    assertEquals(
        ZonedDateTime.parse("2027-11-19T09:00+01:00[Europe/Berlin]"),
        proposal("Nov 19 2027 at 9am", BERLIN, NOW).start());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "banana at 3pm",
        "the 24th at 3pm",
        "tuesday 24th at 3pm",
        "3/12 at 3pm",
        "24.11. at 3pm",
        "tomorrow at 25:00",
        "tomorrow at 13pm",
        "tomorrow at 3",
        "tomorrow at 3:30",
        "tonight at 8",
        "tomorrow or friday at 3pm",
        "tomorrow 3pm or 4pm",
        "tomorrow from 3pm to 4pm",
        "tomorrow at 3pm 45 minutes",
        "tomorrow in 2 hours",
        "in 2 hours at 3pm",
        "thrusday at 3pm",
        "מחר at 3pm",
      })
  void words_that_are_not_one_clear_time_are_not_understood(String text) {
    refused(text, Reason.NOT_UNDERSTOOD);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "banana",
        "meeting",
        "thanks Bob!",
        "whenever suits the team",
        "Looks good, I'll share it with the team",
        "@here whenever"
      })
  void talk_with_nothing_timelike_in_it_is_told_apart_from_a_request(String text) {
    refused(text, Reason.NOTHING_TIMELIKE);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"whenever, for 30 minutes", "whenever suits <@U0BOB0001>"})
  void a_length_or_a_guest_without_a_day_is_a_request_not_understood(String text) {
    refused(text, Reason.NOT_UNDERSTOOD);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n\t"})
  void nothing_written_is_not_understood(String text) {
    Refused refused = refused(text, Reason.NOT_UNDERSTOOD);

    assertTrue(refused.message().contains("`next Tuesday 3pm`"), refused.message());
  }

  @Test
  void a_slash_date_is_refused_rather_than_guessed() {
    Refused refused = refused("3/12 at 3pm", Reason.NOT_UNDERSTOOD);

    assertEquals(
        "I can't tell whether “3/12” is a day or a time. Write the month as a word and the time"
            + " with a colon or am/pm, for example: `Dec 3 at 14:30`.",
        refused.message());
  }

  @Test
  void an_hour_that_could_be_morning_or_afternoon_asks_which() {
    Refused refused = refused("tomorrow at 3", Reason.NOT_UNDERSTOOD);

    assertEquals("Is “at 3” am or pm? For example: `tomorrow at 3pm`.", refused.message());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("phrases")
  void every_start_has_minute_precision(String text) {
    Instant now = NOW.plusSeconds(17).plusNanos(123_456_789);

    if (MeetingRequest.parse(text, BERLIN, now) instanceof Proposal p) {
      assertEquals(0, p.start().getSecond(), text);
      assertEquals(0, p.start().getNano(), text);
    }
  }

  @Test
  void results_do_not_depend_on_the_machines_time_zone_or_locale() {
    List<String> phrases = phrases().toList();
    List<Parsed> expected = parseAll(phrases);
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      for (String id : List.of("Pacific/Kiritimati", "America/Los_Angeles", "UTC")) {
        TimeZone.setDefault(TimeZone.getTimeZone(id));
        Locale.setDefault(Locale.GERMANY);
        assertEquals(expected, parseAll(phrases), id);
      }
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("oddInputs")
  void odd_input_gets_an_answer_and_never_an_exception(String text) {
    Parsed parsed = MeetingRequest.parse(text, BERLIN, NOW);

    assertNotNull(parsed);
    if (parsed instanceof Refused refused) {
      assertPlainSentence(refused.message());
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("phrases")
  void every_refusal_is_a_short_plain_sentence_with_an_example(String text) {
    if (MeetingRequest.parse(text, BERLIN, NOW) instanceof Refused refused) {
      assertPlainSentence(refused.message());
    }
  }

  @Test
  void a_refusal_quotes_at_most_a_short_piece_of_the_text() {
    String text = "banana ".repeat(50) + "<!channel> *bold* `code`";

    Refused refused = refused(text, Reason.NOT_UNDERSTOOD);

    assertFalse(refused.message().contains("banana ".repeat(7)), refused.message());
    assertFalse(refused.message().contains("<!channel>"), refused.message());
  }

  private static void assertPlainSentence(String message) {
    assertFalse(message.isBlank());
    assertTrue(message.length() < 300, message);
    assertTrue(message.contains("`"), "no example: " + message);
    assertFalse(message.contains("\n"), message);
    assertFalse(message.contains("Exception"), message);
    assertFalse(message.contains("<"), message);
  }

  private static List<Parsed> parseAll(List<String> phrases) {
    List<Parsed> all = new ArrayList<>();
    for (String phrase : phrases) {
      all.add(MeetingRequest.parse(phrase, BERLIN, NOW));
      all.add(MeetingRequest.parse(phrase, TOKYO, NOW));
    }
    return all;
  }

  static Stream<String> phrases() {
    return Stream.of(
        "meeting next Tuesday 3pm",
        "tomorrow at 10:30 for 45 minutes",
        "Dec 3 at 14:30 with <@U123ABC> <@U456|bob>",
        "reschedule to friday 9am",
        "next monday at noon for an hour",
        "in 3 days at 11am",
        "in 2 hours",
        "christmas at 10am",
        "new year's day at noon",
        "jan 5 at 9am",
        "Dec 31 at 23:30",
        "yesterday at 3pm",
        "next Tuesday",
        "banana",
        "in two years at 3pm",
        "tomorrow 3pm for 10 hours",
        "tomorrow at 3",
        "3/12 at 3pm");
  }

  static Stream<Arguments> oddInputs() {
    char[] surrogate = {'\uD800', ' ', 't', 'o', 'm', 'o', 'r', 'r', 'o', 'w'};
    return Stream.of(
            null,
            "",
            "a".repeat(40_000),
            "tomorrow 3pm ".repeat(3_000),
            "1 ".repeat(999),
            "9".repeat(1_999),
            "<@U1AAA> ".repeat(220),
            "<@U1AAA|".repeat(200),
            "for ".repeat(400) + "3pm",
            "at ".repeat(600),
            "in in in in 2 2 2 hours hours",
            "🎉🎉🎉",
            "👍 tomorrow at 3pm 👍",
            "\u202Eמחר ב-15:00\u202C",
            "غدا الساعة 3 مساء",
            "明日の午後3時",
            new String(surrogate),
            "\u0000\u0001\u0007 tomorrow 3pm",
            "<@>",
            "<@U123",
            "<!channel> tomorrow at 3pm",
            "`tomorrow` *3pm* _please_",
            "tomorrow at 99:99",
            "tomorrow at 0pm",
            "in 99999 hours",
            "for 99999999999999999999999 hours tomorrow at 3pm",
            "tomorrow at 3pm for 1h99",
            "Dec 32 at 3pm",
            "Feb 30 at 3pm",
            "0000-00-00 00:00",
            "9999-12-31 23:59",
            "-1 at 3pm",
            "\\ $ ( ) [ ] { } ^ | ? + .",
            "$1 $2 \\1",
            String.join(" ", Arrays.asList("tomorrow", "\r\n", "at", "\t", "3pm")))
        .map(text -> Arguments.of(text));
  }

  private static Proposal proposal(String text, ZoneId zone, Instant now) {
    return assertInstanceOf(Proposal.class, MeetingRequest.parse(text, zone, now), text);
  }

  private static Refused refused(String text, Reason reason) {
    Parsed parsed = MeetingRequest.parse(text, BERLIN, NOW);
    Refused refused = assertInstanceOf(Refused.class, parsed, String.valueOf(parsed));
    assertEquals(reason, refused.reason(), refused.message());
    return refused;
  }
}

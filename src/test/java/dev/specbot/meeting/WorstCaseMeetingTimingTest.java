package dev.specbot.meeting;

import static dev.specbot.text.AdversarialText.MESSAGE;
import static dev.specbot.text.LinearTime.assertLinear;
import static dev.specbot.text.LinearTime.assertWithin;

import dev.specbot.text.AdversarialText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Meeting requests in every hostile shape, read in time that grows with them, never faster (see
 * {@link dev.specbot.text.LinearTime}): whole requests at the longest a message can be and at the
 * longest one is read, and the time of day and the length they are read for.
 */
class WorstCaseMeetingTimingTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  /** The longest request read at all; a longer one is refused unread. */
  private static final int LONGEST_READ = 2_000;

  @TestFactory
  Stream<DynamicTest> a_request_as_long_as_a_message_is_refused_in_linear_time() {
    return everyShape(
        "MeetingRequest.parse", MESSAGE, text -> MeetingRequest.parse(text, BERLIN, NOW));
  }

  @TestFactory
  Stream<DynamicTest> a_request_as_long_as_one_read_is_read_in_linear_time() {
    return everyShape(
        "MeetingRequest.parse",
        LONGEST_READ,
        text -> MeetingRequest.parse("meeting tomorrow 3pm for an hour " + text, BERLIN, NOW));
  }

  @TestFactory
  Stream<DynamicTest> a_time_of_day_is_found_in_linear_time() {
    return everyShape("ClockTime.read", MESSAGE, text -> ClockTime.read("at 3pm " + text));
  }

  @TestFactory
  Stream<DynamicTest> a_length_is_found_in_linear_time() {
    return everyShape(
        "DurationPhrase.read", MESSAGE, text -> DurationPhrase.read("for an hour " + text));
  }

  /**
   * prettytime's parser is not linear (its grammar backtracks: "3rd 3rd ..." of 100 characters
   * takes a third of a second, of 400 characters seconds), so the date it is given is held to 100
   * characters; at that length, the slowest text found stays well under a second.
   */
  @TestFactory
  Stream<DynamicTest> a_date_as_long_as_one_is_read_is_read_in_under_a_second() {
    return Stream.of(
            "3rd ",
            "1 ",
            "1st ",
            "1:",
            "1-",
            "1/2/",
            "1 2 ",
            "next ",
            "dec 3 ",
            "friday 3 ",
            "in 1 day ",
            "3 days ago ",
            "tomorrow at ",
            "of ",
            "ofof / of// ")
        .map(
            unit ->
                DynamicTest.dynamicTest(
                    "a date of \"" + unit + "...\"",
                    () ->
                        assertWithin(
                            "3pm " + AdversarialText.fill("", unit, "", 100),
                            text -> MeetingRequest.parse(text, BERLIN, NOW),
                            Duration.ofSeconds(1))));
  }

  private static Stream<DynamicTest> everyShape(String what, int length, Consumer<String> work) {
    return AdversarialText.shapes().stream()
        .map(
            shape ->
                DynamicTest.dynamicTest(
                    what + " on " + length + " characters of " + shape,
                    () -> assertLinear(shape.text(), work, length)));
  }
}

package dev.specbot.meeting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names, titles and e-mail addresses come from Slack profiles and from users: none of them can add
 * a line, a property or a parameter to an invite. Each invite is also written to target/ics for
 * {@code slack-check ics}.
 */
class CalendarInviteInjectionTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2027-03-01T09:15:30Z");
  private static final String INJECTION = "Trent\rX-INJECTED:yes";
  private static final String DESCRIPTION = "Read the spec before the meeting.";

  /** Every property an invite may hold; anything else was injected. */
  private static final Set<String> PROPERTIES =
      Set.of(
          "BEGIN",
          "END",
          "PRODID",
          "VERSION",
          "CALSCALE",
          "METHOD",
          "UID",
          "SEQUENCE",
          "DTSTAMP",
          "DTSTART",
          "DTEND",
          "SUMMARY",
          "DESCRIPTION",
          "STATUS",
          "ORGANIZER",
          "ATTENDEE",
          "ACTION",
          "TRIGGER",
          "TZID",
          "TZOFFSETFROM",
          "TZOFFSETTO",
          "TZNAME",
          "RRULE",
          "RDATE",
          "LAST-MODIFIED",
          "TZURL",
          "X-LIC-LOCATION",
          "X-PROLEPTIC-TZNAME");

  private static final Person ANN =
      new Person("U0ANN", "Ann Attendee", Optional.of("ann@example.com"), BERLIN);

  @Test
  void a_carriage_return_in_the_organisers_name_adds_no_line_and_no_second_organizer() {
    Person trent = new Person("U0TRENT", INJECTION, Optional.of("trent@example.com"), BERLIN);
    String ics =
        write("organiser-cr", CalendarInvite.of(meeting(), trent, List.of(ANN), "S", "", NOW));

    assertInjectionFree(ics);
    VEvent event = event(ics);
    assertEquals(1, event.getProperties(Property.ORGANIZER).size(), ics);
    assertEquals(
        "Trent X-INJECTED:yes",
        event
            .getProperty(Property.ORGANIZER)
            .orElseThrow()
            .getParameter(Parameter.CN)
            .orElseThrow()
            .getValue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Trent\rX-INJECTED:yes",
        "Trent\nX-INJECTED:yes",
        "Trent\r\nX-INJECTED:yes",
        "Trent\r\n ORGANIZER:mailto:evil@example.com",
        "Nul\u0000Bell\u0007Del\u007fNel\u0085Ls\u2028Ps\u2029end",
        "Mallory \"; ROLE=CHAIR\": \"x,y\" \\ end",
        "\"",
        "\r\n\r\n"
      })
  void a_hostile_name_in_any_place_stays_inside_its_value(String hostile) {
    Person organiser = new Person("U0ORG", hostile, Optional.of("org@example.com"), BERLIN);
    Person withMail = new Person("U0MAIL", hostile, Optional.of("mail@example.com"), BERLIN);
    Person noMail = new Person("U0NOMAIL", hostile, Optional.empty(), BERLIN);
    String ics =
        CalendarInvite.of(
            meeting(),
            organiser,
            List.of(withMail, noMail),
            "Spec discussion: " + hostile,
            DESCRIPTION + " " + hostile,
            NOW);

    assertInjectionFree(ics);
    VEvent event = event(ics);
    assertEquals(1, event.getProperties(Property.ORGANIZER).size(), ics);
    assertEquals(2, event.getProperties(Property.ATTENDEE).size(), ics);
    assertEquals(1, event.getProperties(Property.SUMMARY).size(), ics);
    assertEquals(1, event.getProperties(Property.DESCRIPTION).size(), ics);
    String description = event.getProperty(Property.DESCRIPTION).orElseThrow().getValue();
    assertTrue(description.startsWith(DESCRIPTION), description);
    assertTrue(description.contains("Also invited in Slack: "), description);
  }

  @Test
  void a_name_with_quotes_colons_semicolons_and_commas_is_one_quoted_cn_without_a_quote_inside() {
    Person mallory =
        new Person(
            "U0MAL", "Mallory \"The\" Boss: a; b, c", Optional.of("mal@example.com"), BERLIN);
    String ics =
        write("quoted-cn", CalendarInvite.of(meeting(), ANN, List.of(mallory), "S", "", NOW));

    assertTrue(
        unfold(ics).contains("ATTENDEE;CN=\"Mallory 'The' Boss: a; b, c\";ROLE=REQ-PARTICIPANT"),
        ics);
    assertEquals(
        "Mallory 'The' Boss: a; b, c",
        event(ics).<Property>getProperties(Property.ATTENDEE).stream()
            .filter(a -> a.getValue().equals("mailto:mal@example.com"))
            .findFirst()
            .orElseThrow()
            .getParameter(Parameter.CN)
            .orElseThrow()
            .getValue());
  }

  @Test
  void a_plain_name_needs_no_quotes() {
    String ics = CalendarInvite.of(meeting(), ANN, List.of(), "S", "", NOW);

    assertTrue(unfold(ics).contains("ORGANIZER;CN=Ann Attendee:mailto:ann@example.com"), ics);
  }

  @Test
  void text_values_escape_backslash_semicolon_comma_and_line_breaks() {
    String summary = "Spec discussion: a\\b; c, d\re";
    String description = "Line one\r\nline two\nline three\rline four; with, commas \\ slash";
    String ics =
        write(
            "text-escapes",
            CalendarInvite.of(meeting(), ANN, List.of(), summary, description, NOW));

    assertInjectionFree(ics);
    assertTrue(unfold(ics).contains("SUMMARY:Spec discussion: a\\\\b\\; c\\, d\\ne\r\n"), ics);
    VEvent event = event(ics);
    assertEquals("Spec discussion: a\\b; c, d\ne", value(event, Property.SUMMARY));
    assertEquals(
        "Line one\nline two\nline three\nline four; with, commas \\ slash",
        value(event, Property.DESCRIPTION));
  }

  @Test
  void an_email_address_with_a_line_break_cannot_add_a_line() {
    Person odd =
        new Person("U0ODD", "Odd", Optional.of("odd@example.com\r\nX-INJECTED:yes"), BERLIN);
    String ics = CalendarInvite.of(meeting(), odd, List.of(ANN), "S", "", NOW);

    assertInjectionFree(ics);
  }

  @Test
  void a_name_left_empty_by_the_cleaning_is_the_user_id() {
    Person blank = new Person("U0BLANK", "\r\n\u0000", Optional.of("blank@example.com"), BERLIN);
    String ics = CalendarInvite.of(meeting(), blank, List.of(ANN), "S", "", NOW);

    assertTrue(unfold(ics).contains("ORGANIZER;CN=U0BLANK:mailto:blank@example.com"), ics);
  }

  /**
   * Lines end with CRLF and nowhere else, hold no other control character, are at most 75 octets,
   * and every unfolded line starts with a property an invite may hold.
   */
  private static void assertInjectionFree(String ics) {
    assertTrue(ics.endsWith("\r\n"), ics);
    String lines = ics.replace("\r\n", "");
    for (int i = 0; i < lines.length(); i++) {
      char c = lines.charAt(i);
      assertFalse(
          Character.isISOControl(c) || c == '\u2028' || c == '\u2029',
          "control character U+" + Integer.toHexString(c) + " in:\n" + ics);
    }
    List<String> names = new ArrayList<>();
    for (String line : unfold(ics).split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue; // After the last CRLF.
      }
      String name = line.split("[;:]", 2)[0];
      names.add(name);
      assertTrue(PROPERTIES.contains(name), "unexpected property " + name + " in:\n" + ics);
    }
    for (String line : ics.split("\r\n", -1)) {
      assertTrue(line.getBytes(UTF_8).length <= 75, line);
    }
    assertEquals(1, names.stream().filter("ORGANIZER"::equals).count(), ics);
  }

  private static Meeting meeting() {
    return new Meeting(
        "m-7",
        "interview-7",
        LocalDateTime.of(2027, 6, 15, 14, 0).atZone(BERLIN).toInstant(),
        Duration.ofMinutes(30),
        BERLIN,
        List.of(),
        0,
        Meeting.Status.SCHEDULED);
  }

  private static VEvent event(String ics) {
    try {
      Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
      List<VEvent> events = calendar.getComponents(Component.VEVENT);
      assertEquals(1, events.size(), ics);
      return events.get(0);
    } catch (IOException | ParserException e) {
      throw new AssertionError("ical4j cannot read the invite back:\n" + ics, e);
    }
  }

  private static String value(VEvent event, String name) {
    return event.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
  }

  private static String unfold(String ics) {
    return ics.replace("\r\n ", "");
  }

  /** Keeps the invite as target/ics/NAME.ics, to check with slack-check ics or by eye. */
  private static String write(String name, String ics) {
    try {
      Path file = Path.of("target", "ics", "injection-" + name + ".ics");
      Files.createDirectories(file.getParent());
      Files.writeString(file, ics, UTF_8);
      return ics;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.specbot.meeting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

/**
 * Each invite is parsed back with ical4j and checked field by field; each is also written to
 * target/ics/NAME.ics, for slack-check ics and for reading by hand.
 */
class CalendarInviteTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2027-03-01T09:15:30Z");
  private static final String SUMMARY = "Spec discussion: Payment retries";
  private static final String DESCRIPTION =
      "Read the spec before the meeting: https://specs.example.com/payment-retries";

  private static final Person OLGA =
      new Person("U0ORGANIZER", "Olga Organiser", Optional.of("olga@example.com"), BERLIN);
  private static final Person ANN =
      new Person("U0ANN", "Ann Attendee", Optional.of("ann@example.com"), ZoneOffset.UTC);
  private static final Person BOB =
      new Person("U0BOB", "Bob Nomail", Optional.empty(), ZoneId.of("America/New_York"));

  @Test
  void an_invitation_carries_every_field_a_calendar_needs() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    String ics = write("invitation", invite(meeting, List.of(ANN)));
    Calendar calendar = parse(ics);
    VEvent event = event(calendar);

    assertEquals("-//specbot//specbot//EN", value(calendar, Property.PRODID));
    assertEquals("2.0", value(calendar, Property.VERSION));
    assertEquals("GREGORIAN", value(calendar, Property.CALSCALE));
    assertEquals("REQUEST", value(calendar, Property.METHOD));
    assertEquals("m-42@specbot", value(event, Property.UID));
    assertEquals("0", value(event, Property.SEQUENCE));
    assertEquals("20270301T091530Z", value(event, Property.DTSTAMP));
    assertEquals(SUMMARY, value(event, Property.SUMMARY));
    assertEquals(DESCRIPTION, value(event, Property.DESCRIPTION));
    assertEquals("CONFIRMED", value(event, Property.STATUS));
    Property organizer = property(event, Property.ORGANIZER);
    assertEquals("mailto:olga@example.com", organizer.getValue());
    assertEquals("Olga Organiser", parameter(organizer, Parameter.CN));
  }

  @Test
  void an_invitation_asks_each_attendee_with_an_email_to_reply_and_seats_the_organiser_as_chair() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    VEvent event = event(parse(invite(meeting, List.of(ANN))));

    Attendee ann = attendee(event, "mailto:ann@example.com");
    assertEquals("Ann Attendee", parameter(ann, Parameter.CN));
    assertEquals("REQ-PARTICIPANT", parameter(ann, Parameter.ROLE));
    assertEquals("NEEDS-ACTION", parameter(ann, Parameter.PARTSTAT));
    assertEquals("TRUE", parameter(ann, Parameter.RSVP));
    Attendee olga = attendee(event, "mailto:olga@example.com");
    assertEquals("CHAIR", parameter(olga, Parameter.ROLE));
    assertEquals("ACCEPTED", parameter(olga, Parameter.PARTSTAT));
    assertEquals(2, event.getProperties(Property.ATTENDEE).size());
  }

  @Test
  void an_invitation_reminds_fifteen_minutes_before() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    VEvent event = event(parse(invite(meeting, List.of(ANN))));

    List<Component> alarms = event.getComponents(Component.VALARM);
    assertEquals(1, alarms.size());
    assertEquals("DISPLAY", value(alarms.get(0), Property.ACTION));
    assertEquals("-PT15M", value(alarms.get(0), Property.TRIGGER));
    assertEquals(SUMMARY, value(alarms.get(0), Property.DESCRIPTION));
  }

  @Test
  void a_berlin_meeting_is_written_at_berlin_local_time_with_its_tzid_and_vtimezone() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    String ics = invite(meeting, List.of(ANN));
    Calendar calendar = parse(ics);
    VEvent event = event(calendar);

    assertTrue(unfold(ics).contains("\r\nDTSTART;TZID=Europe/Berlin:20270615T140000\r\n"), ics);
    assertTrue(unfold(ics).contains("\r\nDTEND;TZID=Europe/Berlin:20270615T144500\r\n"), ics);
    assertEquals("Europe/Berlin", parameter(property(event, Property.DTSTART), Parameter.TZID));
    assertEquals(Instant.parse("2027-06-15T12:00:00Z"), instant(event, Property.DTSTART));
    assertEquals(Instant.parse("2027-06-15T12:45:00Z"), instant(event, Property.DTEND));
    assertEquals(
        "Europe/Berlin",
        value(calendar.getComponent(Component.VTIMEZONE).orElseThrow(), Property.TZID));
  }

  @Test
  void a_berlin_meeting_the_day_after_clocks_go_forward_keeps_its_local_time() {
    // Summer time starts on Sunday 2027-03-28, so 10:00 on the Monday is 08:00 UTC, not 09:00.
    Meeting meeting = meeting(LocalDateTime.of(2027, 3, 29, 10, 0), BERLIN);
    String ics = write("after-dst-change", invite(meeting, List.of(ANN)));
    VEvent event = event(parse(ics));

    assertTrue(unfold(ics).contains("\r\nDTSTART;TZID=Europe/Berlin:20270329T100000\r\n"), ics);
    assertEquals(Instant.parse("2027-03-29T08:00:00Z"), instant(event, Property.DTSTART));
    ZonedDateTime start = date(event, Property.DTSTART);
    assertEquals(LocalDateTime.of(2027, 3, 29, 10, 0), start.toLocalDateTime());
    assertEquals(ZoneOffset.ofHours(2), start.getOffset());
  }

  @Test
  void a_utc_meeting_is_written_in_utc_without_a_vtimezone() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), ZoneOffset.UTC);
    String ics = write("utc", invite(meeting, List.of(ANN)));

    assertTrue(unfold(ics).contains("\r\nDTSTART:20270615T140000Z\r\n"), ics);
    assertTrue(unfold(ics).contains("\r\nDTEND:20270615T144500Z\r\n"), ics);
    assertFalse(ics.contains("VTIMEZONE"), ics);
    assertFalse(ics.contains("TZID"), ics);
  }

  @Test
  void an_alias_zone_is_written_with_the_tzid_of_the_vtimezone_it_ships() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 11, 8, 9, 30), ZoneId.of("US/Eastern"));
    String ics = write("alias-zone", invite(meeting, List.of(ANN)));
    VEvent event = event(parse(ics));

    assertTrue(unfold(ics).contains("\r\nTZID:America/New_York\r\n"), ics);
    assertTrue(unfold(ics).contains("\r\nDTSTART;TZID=America/New_York:20271108T093000\r\n"), ics);
    assertEquals(Instant.parse("2027-11-08T14:30:00Z"), instant(event, Property.DTSTART));
  }

  @Test
  void a_cancellation_has_method_cancel_status_cancelled_the_next_sequence_and_no_reminder() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN).cancelled();
    String ics = write("cancellation", invite(meeting, List.of(ANN)));
    Calendar calendar = parse(ics);
    VEvent event = event(calendar);

    assertEquals("CANCEL", value(calendar, Property.METHOD));
    assertEquals("CANCELLED", value(event, Property.STATUS));
    assertEquals("1", value(event, Property.SEQUENCE));
    assertEquals("m-42@specbot", value(event, Property.UID));
    assertTrue(event.getComponents(Component.VALARM).isEmpty());
    assertEquals("NEEDS-ACTION", parameter(attendee(event, "mailto:ann@example.com"), "PARTSTAT"));
  }

  @Test
  void a_moved_meeting_keeps_its_uid_and_raises_the_sequence() {
    Meeting first = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    Meeting moved =
        first.movedTo(
            Instant.parse("2027-06-16T08:00:00Z"), Duration.ofMinutes(30), first.attendeeIds());
    String ics = write("update", invite(moved, List.of(ANN)));
    Calendar calendar = parse(ics);
    VEvent event = event(calendar);

    assertEquals("REQUEST", value(calendar, Property.METHOD));
    assertEquals("m-42@specbot", value(event, Property.UID));
    assertEquals("1", value(event, Property.SEQUENCE));
    assertTrue(unfold(ics).contains("\r\nDTSTART;TZID=Europe/Berlin:20270616T100000\r\n"), ics);
  }

  @Test
  void an_attendee_without_an_email_is_named_only_in_the_description() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    String ics = write("attendee-without-email", invite(meeting, List.of(ANN, BOB)));
    VEvent event = event(parse(ics));

    assertEquals(
        DESCRIPTION + "\nAlso invited in Slack: Bob Nomail", value(event, Property.DESCRIPTION));
    assertEquals(1, unfold(ics).split("Bob Nomail", -1).length - 1, ics);
    assertEquals(2, event.getProperties(Property.ATTENDEE).size());
  }

  @Test
  void a_request_where_no_attendee_has_an_email_still_has_an_attendee_the_organiser() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    String ics = write("no-attendee-emails", invite(meeting, List.of(BOB)));
    VEvent event = event(parse(ics));

    List<Attendee> attendees = event.getProperties(Property.ATTENDEE);
    assertEquals(1, attendees.size());
    assertEquals("mailto:olga@example.com", attendees.get(0).getValue());
    assertEquals("Also invited in Slack: Bob Nomail", lastLine(value(event, "DESCRIPTION")));
  }

  @Test
  void an_organiser_without_an_email_gets_an_address_that_can_reach_nobody() {
    Person olga = new Person("U0ORGANIZER", "Olga Organiser", Optional.empty(), BERLIN);
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    String ics =
        write(
            "organiser-without-email",
            CalendarInvite.of(meeting, olga, List.of(ANN), SUMMARY, DESCRIPTION, NOW));
    Property organizer = property(event(parse(ics)), Property.ORGANIZER);

    assertEquals("mailto:U0ORGANIZER@users.noreply.slack.invalid", organizer.getValue());
    assertEquals("Olga Organiser", parameter(organizer, Parameter.CN));
  }

  @Test
  void a_name_with_a_comma_a_quote_a_semicolon_and_an_emoji_survives_its_quote_as_an_apostrophe() {
    String name = "Zoë \"Zed\" O'Brien, Jr.; 🚀 Ünïcødé";
    Person zoe = new Person("U0ZOE", name, Optional.of("zoe@example.com"), BERLIN);
    Person kim = new Person("U0KIM", "Kim: \"K\", ^_^", Optional.of("kim@example.com"), BERLIN);
    Person noMail = new Person("U0NO", "Ng, \"Kim\" 🌸", Optional.empty(), BERLIN);
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    String summary = "Spec discussion: Payment retries, v2; \"final\" 🚀";
    String ics =
        write(
            "odd-names",
            CalendarInvite.of(meeting, zoe, List.of(kim, noMail), summary, DESCRIPTION, NOW));
    VEvent event = event(parse(ics));

    // RFC 5545 allows no DQUOTE inside a parameter value: in CN it becomes an apostrophe.
    String cn = "Zoë 'Zed' O'Brien, Jr.; 🚀 Ünïcødé";
    assertEquals(cn, parameter(property(event, Property.ORGANIZER), Parameter.CN));
    assertEquals(cn, parameter(attendee(event, "mailto:zoe@example.com"), Parameter.CN));
    assertEquals(
        "Kim: 'K', ^_^", parameter(attendee(event, "mailto:kim@example.com"), Parameter.CN));
    assertEquals(summary, value(event, Property.SUMMARY));
    assertEquals("Also invited in Slack: Ng, \"Kim\" 🌸", lastLine(value(event, "DESCRIPTION")));
  }

  @Test
  void an_organiser_also_listed_as_attendee_is_seated_once_as_chair() {
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    VEvent event = event(parse(invite(meeting, List.of(OLGA, ANN))));

    assertEquals(2, event.getProperties(Property.ATTENDEE).size());
    assertEquals("CHAIR", parameter(attendee(event, "mailto:olga@example.com"), Parameter.ROLE));
  }

  @Test
  void every_line_ends_with_crlf_and_is_at_most_75_octets() {
    Person maximiliane =
        new Person(
            "U0LONG",
            "Maximiliane Großherzogin von und zu Überlänge-Namensträgerin 🚀🚀🚀🚀🚀🚀🚀🚀",
            Optional.of("maximiliane.grossherzogin@a-very-long-domain-name.example.com"),
            BERLIN);
    Meeting meeting = meeting(LocalDateTime.of(2027, 6, 15, 14, 0), BERLIN);
    String description = DESCRIPTION + "\r\nBring questions:\r".repeat(3) + "é".repeat(120);
    String ics =
        write(
            "long-lines",
            CalendarInvite.of(meeting, OLGA, List.of(maximiliane, BOB), SUMMARY, description, NOW));

    assertTrue(ics.endsWith("\r\n"));
    assertFalse(ics.replace("\r\n", "").contains("\n"), "a bare LF");
    assertFalse(ics.replace("\r\n", "").contains("\r"), "a bare CR");
    for (String line : ics.lines().toList()) {
      assertTrue(line.getBytes(UTF_8).length <= 75, line);
    }
    VEvent event = event(parse(ics));
    assertEquals(
        maximiliane.name(),
        parameter(attendee(event, "mailto:" + maximiliane.email().get()), "CN"));
    assertTrue(
        value(event, Property.DESCRIPTION)
            .endsWith("é".repeat(120) + "\nAlso invited in Slack: Bob Nomail"));
  }

  @Test
  void folding_splits_between_characters_and_unfolds_to_the_same_line() {
    String line = "SUMMARY:" + "🚀é".repeat(40);
    String folded = CalendarInvite.fold(line + "\r\n");

    for (String part : folded.lines().toList()) {
      assertTrue(part.getBytes(UTF_8).length <= 75, part);
      assertFalse(Character.isLowSurrogate(part.charAt(part.startsWith(" ") ? 1 : 0)), part);
    }
    assertEquals(line + "\r\n", unfold(folded));
  }

  @Test
  void a_meeting_of_no_length_is_refused() {
    Meeting meeting =
        new Meeting(
            "m-0", "i-0", NOW, Duration.ZERO, BERLIN, List.of(), 0, Meeting.Status.SCHEDULED);

    assertThrows(
        IllegalArgumentException.class,
        () -> CalendarInvite.of(meeting, OLGA, List.of(ANN), SUMMARY, DESCRIPTION, NOW));
  }

  @Test
  void ical4j_is_not_set_to_fetch_time_zone_definitions_over_the_network() {
    assertFalse(new TimeZoneUpdater().isEnabled());
  }

  private static Meeting meeting(LocalDateTime localStart, ZoneId zone) {
    return new Meeting(
        "m-42",
        "interview-7",
        localStart.atZone(zone).toInstant(),
        Duration.ofMinutes(45),
        zone,
        List.of(ANN.userId(), BOB.userId()),
        0,
        Meeting.Status.SCHEDULED);
  }

  private static String invite(Meeting meeting, List<Person> attendees) {
    return CalendarInvite.of(meeting, OLGA, attendees, SUMMARY, DESCRIPTION, NOW);
  }

  /** Keeps the invite as target/ics/NAME.ics, to check with slack-check ics or by eye. */
  private static String write(String name, String ics) {
    try {
      Path file = Path.of("target", "ics", name + ".ics");
      Files.createDirectories(file.getParent());
      Files.writeString(file, ics, UTF_8);
      return ics;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Calendar parse(String ics) {
    try {
      return new CalendarBuilder().build(new StringReader(ics));
    } catch (IOException | ParserException e) {
      throw new AssertionError("ical4j cannot read the invite back:\n" + ics, e);
    }
  }

  private static String unfold(String ics) {
    return ics.replace("\r\n ", "");
  }

  private static String lastLine(String text) {
    return text.substring(text.lastIndexOf('\n') + 1);
  }

  private static VEvent event(Calendar calendar) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertEquals(1, events.size());
    return events.get(0);
  }

  private static Property property(Component component, String name) {
    return component.getProperty(name).orElseThrow(() -> new AssertionError("no " + name));
  }

  private static String value(Component component, String name) {
    return property(component, name).getValue();
  }

  private static String value(Calendar calendar, String name) {
    return calendar
        .getProperty(name)
        .orElseThrow(() -> new AssertionError("no " + name))
        .getValue();
  }

  private static String parameter(Property property, String name) {
    return property
        .getParameter(name)
        .orElseThrow(() -> new AssertionError("no " + name + " on " + property))
        .getValue();
  }

  private static Attendee attendee(VEvent event, String address) {
    return event.<Attendee>getProperties(Property.ATTENDEE).stream()
        .filter(a -> a.getValue().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ATTENDEE " + address));
  }

  private static ZonedDateTime date(VEvent event, String name) {
    Temporal date = ((DateProperty<?>) property(event, name)).getDate();
    return assertInstanceOf(ZonedDateTime.class, date);
  }

  private static Instant instant(VEvent event, String name) {
    return date(event, name).toInstant();
  }
}

package dev.specbot.meeting;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationResult;

/** The .ics file for a meeting: an invitation, an update, or a cancellation. */
public final class CalendarInvite {
  private static final String PRODUCT = "-//specbot//specbot//EN";
  private static final Duration REMINDER = Duration.ofMinutes(15);
  private static final int MAX_LINE_OCTETS = 75;
  private static final String CRLF = "\r\n";

  /**
   * Chat users without a known e-mail still need a calendar address (ORGANIZER and ATTENDEE are
   * cal-addresses). This one names the Slack user under the reserved .invalid domain (RFC 6761), so
   * it can never reach, or pass for, anyone's real mailbox.
   */
  private static final String NO_EMAIL_DOMAIN = "@users.noreply.slack.invalid";

  /**
   * ical4j's registry reads the zone definitions bundled in its jar; it fetches updates over the
   * network only when net.fortuna.ical4j.timezone.update.enabled is set, which we never do.
   */
  private static final TimeZoneRegistry ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  private CalendarInvite() {}

  /**
   * The .ics text for a meeting.
   *
   * @param meeting SCHEDULED gives METHOD:REQUEST, STATUS:CONFIRMED; CANCELLED gives METHOD:CANCEL,
   *     STATUS:CANCELLED
   * @param organizer the drafter
   * @param attendees the invited people (organizer not among them)
   * @param summary e.g. "Spec discussion: Payment retries"
   * @param description e.g. "Read the spec before the meeting: https://..."
   * @param now DTSTAMP
   * @return RFC 5545 text with CRLF line endings and folded long lines
   */
  public static String of(
      Meeting meeting,
      Person organizer,
      List<Person> attendees,
      String summary,
      String description,
      Instant now) {
    if (meeting.duration().isNegative() || meeting.duration().isZero()) {
      throw new IllegalArgumentException("a meeting must last longer than zero: " + meeting.id());
    }
    Clock clock = Clock.of(meeting.zone());
    // The organiser is seated as chair already; listed again, they would be asked to reply too.
    List<Person> others =
        attendees.stream().filter(p -> !p.userId().equals(organizer.userId())).toList();
    List<Property> properties = new ArrayList<>(identity(meeting, now));
    properties.addAll(clock.times(meeting));
    properties.addAll(texts(meeting, summary, describe(description, others)));
    properties.addAll(participants(organizer, others));
    VEvent event =
        new VEvent(new PropertyList(properties), new ComponentList<>(alarms(meeting, summary)));
    List<CalendarComponent> components = new ArrayList<>();
    clock.definition().ifPresent(components::add);
    components.add(event);
    return render(new Calendar(header(meeting), new ComponentList<>(components)));
  }

  private static boolean scheduled(Meeting meeting) {
    return meeting.status() == Meeting.Status.SCHEDULED;
  }

  private static PropertyList header(Meeting meeting) {
    return new PropertyList(
        List.of(
            new ProdId(PRODUCT),
            ImmutableVersion.VERSION_2_0,
            ImmutableCalScale.GREGORIAN,
            scheduled(meeting) ? ImmutableMethod.REQUEST : ImmutableMethod.CANCEL));
  }

  /** What lets a calendar match this invite to earlier ones for the meeting and order them. */
  private static List<Property> identity(Meeting meeting, Instant now) {
    return List.of(
        new Uid(meeting.id() + "@specbot"), new Sequence(meeting.sequence()), new DtStamp(now));
  }

  private static List<Property> texts(Meeting meeting, String summary, String description) {
    return List.of(
        new Summary(text(summary)),
        new Description(description),
        scheduled(meeting) ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_CANCELLED);
  }

  private static List<Property> participants(Person organizer, List<Person> others) {
    List<Property> properties = new ArrayList<>();
    properties.add(new Organizer(new ParameterList(List.of(name(organizer))), address(organizer)));
    properties.add(chair(organizer));
    others.stream()
        .filter(p -> p.email().isPresent())
        .map(CalendarInvite::invitee)
        .forEach(properties::add);
    return properties;
  }

  /** A reminder for an invitation; RFC 5546 allows none in a CANCEL, nothing is left to remind. */
  private static List<VAlarm> alarms(Meeting meeting, String summary) {
    if (!scheduled(meeting)) {
      return List.of();
    }
    VAlarm alarm = new VAlarm(REMINDER.negated());
    alarm.add(ImmutableAction.DISPLAY);
    alarm.add(new Description(text(summary)));
    return List.of(alarm);
  }

  /**
   * The organiser also attends, as chair, as calendars themselves write it; it also keeps a REQUEST
   * valid (RFC 5546 wants at least one ATTENDEE) when no invitee has an e-mail.
   */
  private static Attendee chair(Person organizer) {
    return new Attendee(
        new ParameterList(List.of(name(organizer), Role.CHAIR, PartStat.ACCEPTED)),
        address(organizer));
  }

  private static Attendee invitee(Person person) {
    return new Attendee(
        new ParameterList(
            List.of(name(person), Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, Rsvp.TRUE)),
        address(person));
  }

  /** The description, naming those a calendar cannot reach because they have no e-mail. */
  private static String describe(String description, List<Person> attendees) {
    String unreachable =
        attendees.stream()
            .filter(p -> p.email().isEmpty())
            .map(p -> CleanText.oneLine(p.name()))
            .collect(Collectors.joining(", "));
    if (unreachable.isEmpty()) {
      return text(description);
    }
    String also = "Also invited in Slack: " + unreachable;
    return description.isBlank() ? also : text(description) + "\n" + also;
  }

  /*
   * Every value from people (names, titles, descriptions, e-mail addresses) passes one of the three
   * below before ical4j sees it: ical4j escapes a TEXT value's backslash, semicolon, comma and LF,
   * and quotes a parameter holding a colon, semicolon or comma, but writes a lone CR, other control
   * characters and a DQUOTE inside a parameter through raw; any of those could end a line early
   * and start a property of the sender's choosing.
   */

  /** A TEXT value: its line breaks as LF, which ical4j writes as {@code \n}; no other control. */
  private static String text(String value) {
    return CleanText.lines(value);
  }

  /**
   * A parameter value such as CN: on one line, and without DQUOTE, which RFC 5545 allows nowhere in
   * a parameter (ical4j adds the quotes around one that needs them).
   */
  private static String parameter(String value) {
    return CleanText.oneLine(value).replace('"', '\'');
  }

  private static Cn name(Person person) {
    return new Cn(parameter(person.name()));
  }

  private static URI address(Person person) {
    String mailbox = CleanText.oneLine(person.email().orElse(person.userId() + NO_EMAIL_DOMAIN));
    try {
      // The three-argument constructor quotes what a URI may not hold, e.g. spaces.
      return new URI("mailto", mailbox, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an e-mail address: " + mailbox, e);
    }
  }

  /** The folded text, once ical4j's own validation (which CalendarOutputter only logs) passes. */
  private static String render(Calendar calendar) {
    ValidationResult result = calendar.validate();
    if (result.hasErrors()) {
      throw new IllegalStateException("invalid calendar invite: " + result);
    }
    String text = calendar.toString();
    requireNoStrayBreaks(text);
    return fold(text);
  }

  /**
   * The last guard against a line of someone else's making: every value was cleaned, so a CR or LF
   * outside CRLF, or another control character, means one was missed; no invite beats a forged one.
   */
  private static void requireNoStrayBreaks(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      if (lineEnd) {
        i++;
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new IllegalStateException(
            "invalid calendar invite: control character U+"
                + Integer.toHexString(c)
                + " at offset "
                + i);
      }
    }
  }

  /**
   * Folds lines longer than 75 octets of UTF-8 (RFC 5545 3.1). ical4j's FoldingWriter counts
   * characters, so a line with emoji or accents comes out too long; this never splits a character.
   */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
    // Lines end at CRLF only: splitting at a lone CR or LF too would turn one into a line break.
    int start = 0;
    while (start < unfolded.length()) {
      int end = unfolded.indexOf(CRLF, start);
      if (end < 0) {
        end = unfolded.length();
      }
      foldLine(unfolded.substring(start, end), out);
      start = end + CRLF.length();
    }
    return out.toString();
  }

  private static void foldLine(String line, StringBuilder out) {
    int octets = 0;
    for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
      int codePoint = line.codePointAt(i);
      int size = utf8Octets(codePoint);
      if (octets + size > MAX_LINE_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
    }
    out.append(CRLF);
  }

  private static int utf8Octets(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }

  /**
   * How the meeting's times are written: local time with a TZID and its VTIMEZONE, or UTC when the
   * zone is a fixed offset (nothing to define) or one ical4j has no definition for.
   *
   * @param zone the zone local times are computed in
   * @param definition the VTIMEZONE to ship, empty for UTC
   */
  private record Clock(ZoneId zone, Optional<VTimeZone> definition) {
    static Clock of(ZoneId zone) {
      if (zone.normalized() instanceof ZoneOffset) {
        return new Clock(ZoneOffset.UTC, Optional.empty());
      }
      TimeZone known = ZONES.getTimeZone(zone.getId());
      if (known == null) {
        return new Clock(ZoneOffset.UTC, Optional.empty());
      }
      // A copy: the registry caches its VTIMEZONE and a calendar should not share it.
      return new Clock(zone, Optional.of(known.getVTimeZone().copy()));
    }

    List<Property> times(Meeting meeting) {
      return List.of(
          tagged(new DtStart<>(at(meeting.start()))), tagged(new DtEnd<>(at(meeting.end()))));
    }

    private Temporal at(Instant instant) {
      return definition.isEmpty() ? instant : instant.atZone(zone);
    }

    /**
     * The property with the TZID of the VTIMEZONE shipped, which for an alias (US/Eastern) is its
     * canonical name (America/New_York) rather than the zone id ical4j would write.
     */
    private <P extends Property> P tagged(P property) {
      definition.ifPresent(d -> property.replace(new TzId(d.getTimeZoneId().getValue())));
      return property;
    }
  }
}

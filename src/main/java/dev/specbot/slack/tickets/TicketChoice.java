package dev.specbot.slack.tickets;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.model.view.ViewState;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.tickets.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the drafter sent from the {@link TicketForm}: the tickets ticked, each with its title as
 * edited; or, for a ticked ticket left without a title, the errors Slack shows by each field.
 */
public final class TicketChoice {
  private static final Gson GSON = new Gson();

  /** A ticket to create: its key, as proposed, and the title the drafter gave it. */
  public record Choice(String key, String title) {}

  /** What a submitted form reads as. */
  public sealed interface Read permits Chosen, Refused {}

  /** The tickets chosen, in the form's order; empty when the form held none. */
  public record Chosen(List<Choice> choices) implements Read {
    public Chosen {
      choices = List.copyOf(choices);
    }

    /** The titles by key, as {@code Proposals.pick} takes them. */
    public Map<String, String> titles() {
      Map<String, String> titles = new LinkedHashMap<>();
      choices.forEach(choice -> titles.put(choice.key(), choice.title()));
      return titles;
    }
  }

  /**
   * The form sent back to the drafter, with a message by each field at fault (block id to message),
   * as Bolt's {@code ctx.ackWithErrors} takes them.
   */
  public record Refused(Map<String, String> errors) implements Read {
    public Refused {
      errors = Map.copyOf(errors);
    }

    /** The acknowledgement's body: {@code {"response_action":"errors","errors":{...}}}. */
    public String responseJson() {
      JsonObject body = new JsonObject();
      body.addProperty("response_action", "errors");
      body.add("errors", GSON.toJsonTree(new TreeMap<>(errors)));
      return GSON.toJson(body);
    }
  }

  static final String NO_TITLE = "Give this ticket a title, or untick it.";
  static final String NONE_TICKED = "Tick at least one ticket, or press Cancel.";

  private TicketChoice() {}

  /**
   * Reads a {@code view_submission}'s state values (block id, then action id, to value). Blocks and
   * keys that are not the form's are ignored: a ticked key without a title field, a field whose
   * ticket is not ticked.
   */
  public static Read read(Map<String, Map<String, ViewState.Value>> values) {
    Map<Integer, List<String>> ticked = new TreeMap<>();
    Map<String, Optional<String>> titles = new LinkedHashMap<>();
    values.forEach(
        (block, actions) -> {
          if (actions != null) {
            group(block).ifPresent(g -> ticked.put(g, keys(actions.get(ActionIds.TICKETS_PICK))));
            key(block).ifPresent(k -> titles.put(k, title(actions.get(ActionIds.TICKETS_TITLE))));
          }
        });
    Set<String> keys = new LinkedHashSet<>();
    ticked.values().forEach(keys::addAll);
    // A ticked key without a title field is not a ticket of this form's: no field was shown for it.
    keys.retainAll(titles.keySet());
    return choices(keys, titles, ticked.keySet());
  }

  /** The tickets ticked with their titles, or the fields at fault. */
  private static Read choices(
      Set<String> keys, Map<String, Optional<String>> titles, Set<Integer> groups) {
    List<Choice> choices = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (String key : keys) {
      titles
          .get(key)
          .ifPresentOrElse(
              title -> choices.add(new Choice(key, title)),
              () -> errors.put(TicketForm.titleBlock(key), NO_TITLE));
    }
    if (keys.isEmpty() && !groups.isEmpty()) {
      errors.put(TicketForm.pickBlock(groups.iterator().next()), NONE_TICKED);
    }
    return errors.isEmpty() ? new Chosen(choices) : new Refused(errors);
  }

  /** The group number of a checkboxes block of the form's. */
  private static Optional<Integer> group(String block) {
    String prefix = ActionIds.TICKETS_PICK + "_";
    if (!block.startsWith(prefix) || block.length() > prefix.length() + 3) {
      return Optional.empty();
    }
    String digits = block.substring(prefix.length());
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits));
  }

  /** The ticket key of a title block of the form's. */
  private static Optional<String> key(String block) {
    String prefix = ActionIds.TICKETS_TITLE + "_";
    return block.startsWith(prefix) && block.length() > prefix.length()
        ? Optional.of(block.substring(prefix.length()))
        : Optional.empty();
  }

  private static List<String> keys(ViewState.Value picked) {
    if (picked == null || picked.getSelectedOptions() == null) {
      return List.of();
    }
    return picked.getSelectedOptions().stream()
        .map(ViewState.SelectedOption::getValue)
        .filter(value -> value != null)
        .toList();
  }

  /** The title as sent, on one line; empty when it is missing or blank. */
  private static Optional<String> title(ViewState.Value field) {
    if (field == null || field.getValue() == null || field.getValue().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(oneLine(field.getValue()));
  }

  /** Each run of whitespace one space, cut to GitHub's limit on a title. */
  private static String oneLine(String text) {
    StringBuilder line = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = line.length() > 0;
      } else {
        line.append(space ? " " : "").append(c);
        space = false;
      }
    }
    return TicketForm.cut(line.toString(), Ticket.MAX_TITLE);
  }
}

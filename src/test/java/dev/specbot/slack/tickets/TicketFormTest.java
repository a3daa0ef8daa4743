package dev.specbot.slack.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.specbot.tickets.ActionItems;
import dev.specbot.tickets.Proposals;
import dev.specbot.tickets.SpecAnswers;
import dev.specbot.tickets.Ticket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ticket form within Slack's limits, for every built-in template's spec and at the cap. Each
 * form is kept as target/slack-views/tickets-NAME.json, for {@code slack-check blocks modal}.
 */
class TicketFormTest {
  static final Gson GSON = GsonFactory.createSnakeCase();
  private static final String INTERVIEW = "3f6c1a2e-0d4b-4c55-9a77-2b1e5d0c9e41";

  static Stream<Arguments> builtIns() {
    return Stream.of(
        Arguments.of("echo-tech-spec", SpecAnswers.echo()),
        Arguments.of("implementation-plan", SpecAnswers.implementationPlan()),
        Arguments.of("project-spec", SpecAnswers.projectSpec()),
        Arguments.of("technical-specification", SpecAnswers.technicalSpecification()),
        Arguments.of("feature-plan", SpecAnswers.featurePlan()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void every_built_in_spec_gives_a_form_within_slacks_limits(String id, Map<String, String> answers)
      throws IOException {
    Proposals proposals = ActionItems.propose(SpecAnswers.template(id), answers);

    JsonObject view =
        json(TicketForm.of(INTERVIEW, proposals, TicketForm.Destination.GITHUB_ISSUES), id);

    assertEquals(List.of(), FormLimits.problems(view));
    int tickets = proposals.tickets().size();
    assertEquals(1 + (tickets + 9) / 10 + tickets, view.getAsJsonArray("blocks").size());
    assertEquals(INTERVIEW, view.get("private_metadata").getAsString());
  }

  @Test
  void at_the_cap_with_hostile_titles_the_form_stays_within_slacks_limits() throws IOException {
    Proposals proposals = hostile(200);

    JsonObject view =
        json(
            TicketForm.of(INTERVIEW, proposals, TicketForm.Destination.GITHUB_ISSUES),
            "at-the-cap");

    assertEquals(List.of(), FormLimits.problems(view));
    assertEquals(1 + 8 + 80, view.getAsJsonArray("blocks").size());
    String intro = view.getAsJsonArray("blocks").get(0).toString();
    assertTrue(intro.contains("120 more action items don't fit in this form"), intro);
  }

  @Test
  void user_text_is_only_ever_plain_text() throws IOException {
    JsonObject view =
        json(TicketForm.of(INTERVIEW, hostile(12), TicketForm.Destination.CHECKLIST), "hostile");

    List<JsonElement> blocks = new ArrayList<>();
    view.getAsJsonArray("blocks").forEach(blocks::add);
    assertEquals(
        1L, blocks.stream().filter(b -> b.toString().contains("\"mrkdwn\"")).count(), "the intro");
    assertFalse(blocks.get(0).toString().contains("channel"));
    assertEquals(List.of(), FormLimits.problems(view));
  }

  @Test
  void a_spec_without_action_items_gives_a_form_that_only_closes() throws IOException {
    JsonObject view =
        json(
            TicketForm.of(INTERVIEW, new Proposals(List.of(), 0), TicketForm.Destination.CHECKLIST),
            "none");

    assertNull(view.get("submit"));
    assertEquals("Close", view.getAsJsonObject("close").get("text").getAsString());
    assertEquals(1, view.getAsJsonArray("blocks").size());
  }

  @Test
  void the_choice_reads_back_the_tickets_ticked_with_their_edited_titles() {
    Proposals proposals =
        ActionItems.propose(SpecAnswers.template("echo-tech-spec"), SpecAnswers.echo());
    List<Ticket> tickets = proposals.tickets();
    View form = TicketForm.of(INTERVIEW, proposals, TicketForm.Destination.GITHUB_ISSUES);

    Submission submission =
        Submission.of(GSON.toJsonTree(form).getAsJsonObject())
            .untick(tickets.get(1).key())
            .retitle(tickets.get(0).key(), "  Add a retry_count column\n(with a default)  ");
    TicketChoice.Read read = TicketChoice.read(submission.values());

    TicketChoice.Chosen chosen = assertInstanceOf(TicketChoice.Chosen.class, read);
    List<Ticket> picked = proposals.pick(chosen.titles());
    assertEquals(tickets.size() - 1, picked.size());
    assertEquals("Add a retry_count column (with a default)", picked.get(0).title());
    assertEquals(tickets.get(0).key(), picked.get(0).key());
    assertEquals(tickets.get(2), picked.get(1));
  }

  @Test
  void a_ticked_ticket_left_without_a_title_is_refused_by_its_field() {
    Proposals proposals = hostile(12);
    String key = proposals.tickets().get(11).key();
    Submission submission = Submission.of(form(proposals)).retitle(key, " \n ");

    TicketChoice.Refused refused =
        assertInstanceOf(TicketChoice.Refused.class, TicketChoice.read(submission.values()));

    assertEquals(Map.of("specbot_tickets_title_" + key, TicketChoice.NO_TITLE), refused.errors());
    assertEquals(
        "{\"response_action\":\"errors\",\"errors\":{\"specbot_tickets_title_"
            + key
            + "\":\"Give this ticket a title, or untick it.\"}}",
        refused.responseJson());
  }

  @Test
  void an_unticked_ticket_may_be_left_without_a_title() {
    Proposals proposals = hostile(3);
    String key = proposals.tickets().get(0).key();
    Submission submission = Submission.of(form(proposals)).untick(key).retitle(key, "");

    TicketChoice.Chosen chosen =
        assertInstanceOf(TicketChoice.Chosen.class, TicketChoice.read(submission.values()));

    assertEquals(2, chosen.choices().size());
  }

  @Test
  void nothing_ticked_is_refused_on_the_first_group() {
    Proposals proposals = hostile(3);
    Submission submission = Submission.of(form(proposals));
    proposals.tickets().forEach(t -> submission.untick(t.key()));

    TicketChoice.Refused refused =
        assertInstanceOf(TicketChoice.Refused.class, TicketChoice.read(submission.values()));

    assertEquals(Map.of("specbot_tickets_pick_0", TicketChoice.NONE_TICKED), refused.errors());
  }

  @Test
  void blocks_and_keys_that_are_not_the_forms_are_ignored() {
    Proposals proposals = hostile(2);
    Submission submission =
        Submission.of(form(proposals))
            .tickExtra("specbot_tickets_pick_0", "not-a-key")
            .tickExtra("specbot_tickets_pick_x", proposals.tickets().get(0).key())
            .field("specbot_tickets_title_", "no key")
            .field("someone_elses_block", "hello");

    TicketChoice.Chosen chosen =
        assertInstanceOf(TicketChoice.Chosen.class, TicketChoice.read(submission.values()));

    assertEquals(
        proposals.tickets().stream().map(Ticket::key).toList(),
        chosen.choices().stream().map(TicketChoice.Choice::key).toList());
  }

  @Test
  void the_form_says_where_the_tickets_go() throws IOException {
    Proposals proposals = hostile(1);

    String toGitHub =
        json(TicketForm.of(INTERVIEW, proposals, TicketForm.Destination.GITHUB_ISSUES), "github")
            .toString();
    String toSpec =
        json(TicketForm.of(INTERVIEW, proposals, TicketForm.Destination.CHECKLIST), "checklist")
            .toString();

    assertTrue(toGitHub.contains("as a GitHub issue that links back to the spec's"), toGitHub);
    assertTrue(toGitHub.contains("\"Create issues\""), toGitHub);
    assertTrue(toSpec.contains("to the spec as a checklist"), toSpec);
    assertTrue(toSpec.contains("\"Add to the spec\""), toSpec);
  }

  private static JsonObject form(Proposals proposals) {
    return GSON.toJsonTree(
            TicketForm.of(INTERVIEW, proposals, TicketForm.Destination.GITHUB_ISSUES))
        .getAsJsonObject();
  }

  /** {@code count} tickets whose titles and sections are made to break a form. */
  static Proposals hostile(int count) {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String title =
          switch (i % 4) {
            case 0 -> "<!channel> @here *bold* <https://evil.test|click> " + i;
            case 1 -> "x".repeat(Ticket.MAX_TITLE - 2) + "😀";
            case 2 -> "a".repeat(71) + "😀😀 " + i;
            default -> "&amp; `code` ```fence``` " + i;
          };
      tickets.add(
          new Ticket(
              String.format("%016x", i), title, "😀".repeat(40) + " <@U0ALICE01> section", ""));
    }
    return new Proposals(
        tickets.subList(0, Math.min(count, ActionItems.MAX_PROPOSED)),
        Math.max(0, count - ActionItems.MAX_PROPOSED));
  }

  /** The view as Slack receives it, kept for slack-check. */
  private static JsonObject json(View view, String name) throws IOException {
    String json = GSON.toJson(view);
    Path dir = Path.of("target", "slack-views");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("tickets-" + name + ".json"), json);
    return GSON.fromJson(json, JsonObject.class);
  }
}

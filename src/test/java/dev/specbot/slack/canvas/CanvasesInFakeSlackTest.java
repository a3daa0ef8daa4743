package dev.specbot.slack.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.canvases.sections.CanvasesSectionsLookupRequest;
import com.slack.api.methods.response.canvases.CanvasesCreateResponse;
import com.slack.api.methods.response.canvases.CanvasesEditResponse;
import com.slack.api.methods.response.canvases.sections.CanvasesSectionsLookupResponse;
import com.slack.api.model.canvas.CanvasDocumentChange;
import com.slack.api.model.canvas.CanvasDocumentContent;
import com.slack.api.model.canvas.CanvasDocumentSection;
import dev.specbot.slack.fake.FakeCanvas;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.webapi.WebApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Canvases in the fake Slack Web API, called as the bot would call them: through the Slack SDK's
 * own client (which sends forms), the bot's {@link WebApiClient} for what the SDK cannot send
 * (canvases.create's channel_id), and a JSON body.
 */
class CanvasesInFakeSlackTest {
  private static final String TOKEN = "xoxb-fake-token";
  private static final String CHANNEL = "C0SPECS001";
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final String SPEC =
      """
      # Payment retries

      ## Context

      We retry three times, as ![](@U0ALICE01) asked.

      ## Rollout Plan

      - [ ] Behind a flag first
      """;

  private final FakeSlackWebApi fake = new FakeSlackWebApi();
  private final Slack slack = Slack.getInstance(config(fake));
  private final MethodsClient methods = slack.methods(TOKEN);

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  private static SlackConfig config(FakeSlackWebApi fake) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.baseUrl());
    config.setStatsEnabled(false);
    // The SDK's default executor is JVM-wide and would keep talking to another test's fake.
    config.getMethodsConfig().setExecutorName("fake-canvas-test-" + CLIENTS.incrementAndGet());
    return config;
  }

  private String create(String title, String markdown) throws Exception {
    CanvasesCreateResponse created =
        methods.canvasesCreate(
            r ->
                r.title(title)
                    .documentContent(CanvasDocumentContent.builder().markdown(markdown).build()));
    assertTrue(created.isOk(), created.toString());
    return created.getCanvasId();
  }

  private CanvasesEditResponse edit(String canvasId, CanvasDocumentChange change) throws Exception {
    return methods.canvasesEdit(r -> r.canvasId(canvasId).changes(List.of(change)));
  }

  private static CanvasDocumentChange change(String operation, String sectionId, String markdown) {
    return CanvasDocumentChange.builder()
        .operation(operation)
        .sectionId(sectionId)
        .documentContent(
            markdown == null ? null : CanvasDocumentContent.builder().markdown(markdown).build())
        .build();
  }

  private List<String> lookup(String canvasId, List<String> types, String text) throws Exception {
    CanvasesSectionsLookupResponse found =
        methods.canvasesSectionsLookup(
            r ->
                r.canvasId(canvasId)
                    .criteria(
                        CanvasesSectionsLookupRequest.Criteria.builder()
                            .sectionTypes(types)
                            .containsText(text)
                            .build()));
    assertTrue(found.isOk(), found.toString());
    return found.getSections().stream().map(CanvasDocumentSection::getId).toList();
  }

  @Test
  void the_sdk_creates_a_canvas_with_its_title_and_markdown_in_a_form_without_a_channel()
      throws Exception {
    String canvasId = create("Payment retries", SPEC);

    assertEquals("F0CANVAS0001", canvasId);
    assertEquals("Payment retries", fake.canvasTitle(canvasId));
    assertEquals(SPEC, fake.canvasMarkdown(canvasId));
    assertEquals(0, fake.canvasEdits(canvasId));
    RecordedCall call = fake.calls("canvases.create").get(0);
    assertEquals("application/x-www-form-urlencoded", call.contentType());
    assertEquals("Bearer " + TOKEN, call.authorization());
    JsonObject content = JsonParser.parseString(call.param("document_content")).getAsJsonObject();
    assertEquals("markdown", content.get("type").getAsString());
    assertEquals(SPEC, content.get("markdown").getAsString());
    // CanvasesCreateRequest (SDK 1.47) has no channel_id: the canvas is standalone.
    assertFalse(call.params().containsKey("channel_id"));
    assertEquals("", fake.canvas(canvasId).channelId());
  }

  @Test
  void the_bots_client_sends_canvases_create_with_a_channel_as_a_form_of_its_own()
      throws Exception {
    WebApiClient client = WebApiClient.of(slack, TOKEN);

    CanvasesCreateResponse created =
        client.postFormWithTokenAndParseResponse(
            form ->
                form.add("title", "Payment retries")
                    .add("document_content", documentContent(SPEC))
                    .add("channel_id", CHANNEL),
            "canvases.create",
            TOKEN,
            CanvasesCreateResponse.class);

    assertTrue(created.isOk(), created.toString());
    FakeCanvas canvas = fake.canvas(created.getCanvasId());
    assertEquals(CHANNEL, canvas.channelId());
    assertEquals(SPEC, canvas.markdown());
    assertEquals(Map.of(CHANNEL, "write"), canvas.access());
  }

  @Test
  void a_json_body_creates_a_canvas_the_same_way() throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("title", "Payment retries");
    body.add("document_content", JsonParser.parseString(documentContent(SPEC)));
    body.addProperty("channel_id", CHANNEL);

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(fake.baseUrl() + "canvases.create"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            body.toString(), StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    JsonObject created = JsonParser.parseString(answer.body()).getAsJsonObject();
    assertTrue(created.get("ok").getAsBoolean(), answer.body());
    FakeCanvas canvas = fake.canvas(created.get("canvas_id").getAsString());
    assertEquals(SPEC, canvas.markdown());
    assertEquals(CHANNEL, canvas.channelId());
    assertEquals("Payment retries", canvas.title());
  }

  @Test
  void sections_are_found_by_heading_type_and_text() throws Exception {
    String canvasId = create("Payment retries", SPEC);

    List<String> rollout = lookup(canvasId, List.of("h2"), "Rollout");
    List<String> headings = lookup(canvasId, List.of("any_header"), null);
    List<String> h1 = lookup(canvasId, List.of("h1"), null);
    List<String> mentioning = lookup(canvasId, null, "![](@U0ALICE01)");

    assertEquals(1, rollout.size());
    assertEquals(3, headings.size());
    assertEquals(List.of(headings.get(0)), h1);
    assertEquals(headings.get(2), rollout.get(0));
    assertEquals(1, mentioning.size());
    assertFalse(headings.contains(mentioning.get(0)));
    RecordedCall call = fake.calls("canvases.sections.lookup").get(0);
    assertEquals(
        "{\"section_types\":[\"h2\"],\"contains_text\":\"Rollout\"}", call.param("criteria"));
  }

  @Test
  void edits_insert_replace_and_delete_sections_and_are_counted() throws Exception {
    String canvasId = create("Payment retries", SPEC);
    String rollout = lookup(canvasId, List.of("h2"), "Rollout").get(0);

    assertTrue(edit(canvasId, change("insert_at_end", null, "## Review\n\nApproved.")).isOk());
    assertTrue(edit(canvasId, change("insert_before", rollout, "Status: approved\n")).isOk());
    assertTrue(edit(canvasId, change("replace", rollout, "## Rollout")).isOk());
    // The section replaced is gone: what replaced it has ids of its own.
    assertEquals(
        "canvas_editing_failed", edit(canvasId, change("insert_after", rollout, "x")).getError());
    assertTrue(edit(canvasId, change("insert_at_start", null, "Draft")).isOk());
    // Deleting a heading's section leaves the text under it, and the blank lines around it.
    String context = lookup(canvasId, List.of("h2"), "Context").get(0);
    assertTrue(edit(canvasId, change("delete", context, null)).isOk());

    assertEquals(
        """
        Draft
        # Payment retries


        We retry three times, as ![](@U0ALICE01) asked.

        Status: approved

        ## Rollout

        - [ ] Behind a flag first

        ## Review

        Approved.""",
        fake.canvasMarkdown(canvasId));
    assertEquals(5, fake.canvasEdits(canvasId));
    RecordedCall call = fake.calls("canvases.edit").get(0);
    assertEquals(
        "[{\"operation\":\"insert_at_end\",\"document_content\":{\"type\":\"markdown\","
            + "\"markdown\":\"## Review\\n\\nApproved.\"}}]",
        call.jsonParam("changes"));
  }

  @Test
  void a_replace_without_a_section_rewrites_the_whole_canvas() throws Exception {
    String canvasId = create("Payment retries", SPEC);
    String rewritten = CanvasMarkdown.withTables(false).convert("# Payment retries\n\n#### Done");

    assertTrue(edit(canvasId, change("replace", null, rewritten)).isOk());

    assertEquals("# Payment retries\n\n### Done\n", fake.canvasMarkdown(canvasId));
    assertEquals(1, fake.canvasEdits(canvasId));
  }

  @Test
  void edits_slack_would_refuse_are_refused_and_change_nothing() throws Exception {
    String canvasId = create("Payment retries", SPEC);

    CanvasesEditResponse unknownCanvas = edit("F0NOSUCH01", change("insert_at_end", null, "x"));
    CanvasesEditResponse unknownSection =
        edit(canvasId, change("delete", "temp:C:NOSUCHSECTION", null));
    CanvasesEditResponse twoChanges =
        methods.canvasesEdit(
            r ->
                r.canvasId(canvasId)
                    .changes(
                        List.of(
                            change("insert_at_end", null, "a"),
                            change("insert_at_end", null, "b"))));

    assertEquals("canvas_not_found", unknownCanvas.getError());
    assertEquals("canvas_editing_failed", unknownSection.getError());
    assertEquals("invalid_arguments", twoChanges.getError());
    assertEquals(SPEC, fake.canvasMarkdown(canvasId));
    assertEquals(0, fake.canvasEdits(canvasId));
  }

  @Test
  void access_is_set_for_channels_and_users() throws Exception {
    String canvasId = create("Payment retries", SPEC);

    var read =
        methods.canvasesAccessSet(
            r ->
                r.canvasId(canvasId)
                    .accessLevel("read")
                    .channelIds(List.of(CHANNEL))
                    .userIds(List.of("U0BOB0002")));
    var write =
        methods.canvasesAccessSet(
            r -> r.canvasId(canvasId).accessLevel("write").userIds(List.of("U0ALICE01")));

    assertTrue(read.isOk(), read.toString());
    assertTrue(write.isOk(), write.toString());
    assertEquals(
        Map.of(CHANNEL, "read", "U0BOB0002", "read", "U0ALICE01", "write"),
        fake.canvas(canvasId).access());
    assertEquals(List.of(), read.getFailedToUpdateChannelIds());
  }

  @Test
  void refused_canvases_answer_slacks_error_until_allowed_again() throws Exception {
    fake.refuseCanvases("missing_scope");

    CanvasesCreateResponse create =
        methods.canvasesCreate(r -> r.title("Payment retries").markdown(SPEC));
    var lookup =
        methods.canvasesSectionsLookup(
            r ->
                r.canvasId("F0CANVAS0001")
                    .criteria(
                        CanvasesSectionsLookupRequest.Criteria.builder()
                            .containsText("x")
                            .build()));
    fake.refuseCanvases("not_allowed_on_free_teams");
    CanvasesCreateResponse onFreeTeam = methods.canvasesCreate(r -> r.markdown(SPEC));
    fake.allowCanvases();
    CanvasesCreateResponse allowed = methods.canvasesCreate(r -> r.markdown(SPEC));

    assertFalse(create.isOk());
    assertEquals("missing_scope", create.getError());
    assertEquals("canvases:write", create.getNeeded());
    assertEquals("canvases:read", lookup.getNeeded());
    assertEquals("not_allowed_on_free_teams", onFreeTeam.getError());
    assertTrue(allowed.isOk(), allowed.toString());
    assertEquals(
        List.of(allowed.getCanvasId()), fake.canvases().stream().map(FakeCanvas::id).toList());
  }

  @Test
  void a_free_plan_takes_only_canvases_tabbed_in_a_channel() throws Exception {
    fake.canvasesAsOnAFreePlan();
    WebApiClient client = WebApiClient.of(slack, TOKEN);

    CanvasesCreateResponse standalone = methods.canvasesCreate(r -> r.markdown(SPEC));
    CanvasesCreateResponse tabbed =
        client.postFormWithTokenAndParseResponse(
            form -> form.add("document_content", documentContent(SPEC)).add("channel_id", CHANNEL),
            "canvases.create",
            TOKEN,
            CanvasesCreateResponse.class);
    CanvasesEditResponse edited =
        edit(tabbed.getCanvasId(), change("insert_at_end", null, "More."));

    assertEquals("free_teams_cannot_create_non_tabbed_canvases", standalone.getError());
    assertTrue(tabbed.isOk(), tabbed.toString());
    assertTrue(edited.isOk(), edited.toString());
    assertEquals(SPEC + "\nMore.", fake.canvasMarkdown(tabbed.getCanvasId()));
  }

  @Test
  void a_deleted_canvas_is_gone_and_a_reset_forgets_every_canvas() throws Exception {
    String first = create("First", SPEC);
    String second = create("Second", SPEC);

    assertTrue(methods.canvasesDelete(r -> r.canvasId(first)).isOk());
    assertEquals("canvas_not_found", methods.canvasesDelete(r -> r.canvasId(first)).getError());
    assertEquals(List.of(second), fake.canvases().stream().map(FakeCanvas::id).toList());
    fake.refuseCanvases("missing_scope");
    fake.reset();

    assertEquals(List.of(), fake.canvases());
    assertTrue(methods.canvasesCreate(r -> r.markdown("x")).isOk());
    AssertionError missing = assertThrows(AssertionError.class, () -> fake.canvas(first));
    assertEquals("no canvas F0CANVAS0001; canvases: [F0CANVAS0003]", missing.getMessage());
  }

  @Test
  void a_converted_spec_is_stored_exactly_and_its_sections_found() throws Exception {
    CanvasFullAnswers.Spec echo = CanvasFullAnswers.everyBuiltIn().get(1);
    String canvas = CanvasMarkdown.withTables(false).convert(echo.markdown());

    String canvasId = create("Payment retries", canvas);

    assertEquals(canvas, fake.canvasMarkdown(canvasId));
    assertEquals(1, lookup(canvasId, List.of("h2"), "Open Questions").size());
    assertEquals(7, lookup(canvasId, List.of("h3"), "Deep detail").size());
  }

  private static String documentContent(String markdown) {
    JsonObject content = new JsonObject();
    content.addProperty("type", "markdown");
    content.addProperty("markdown", markdown);
    return content.toString();
  }
}

package dev.specbot.slack.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import dev.specbot.interview.Status;
import dev.specbot.review.Stage;
import dev.specbot.review.Verdict;
import dev.specbot.storage.HomeRows;
import dev.specbot.storage.HomeRows.Page;
import dev.specbot.storage.HomeRows.Spec;
import dev.specbot.template.TemplateCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The home view within Slack's limits, for a drafter, a reviewer and a co-author, and with hundreds
 * of specs. Each view is kept as target/slack-views/home-NAME.json and checked with {@code
 * slack-check blocks home} where the checker is installed.
 */
class HomeViewTest {
  private static final Gson GSON = GsonFactory.createSnakeCase();
  private static final TemplateCatalog CATALOG = TemplateCatalog.load(Optional.empty());
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final String HOSTILE =
      "<!channel> @here *bold* <https://evil.example|click> & `x` | ~y~ " + "é".repeat(300);

  private final HomeView view = new HomeView(CATALOG::find);

  @Test
  void a_drafter_sees_each_spec_linked_with_its_progress_and_the_new_spec_button()
      throws Exception {
    HomeRows rows =
        rows(
            page(List.of(drafting("i1", "Payment retries", 3, 1, Status.PAUSED)), 1),
            empty(),
            empty(),
            empty());

    JsonObject home = checked(rows, "drafter");

    List<String> texts = texts(home);
    int questions = CATALOG.find("feature-plan").orElseThrow().questions().size();
    assertTrue(
        texts.contains(
            "<https://x.slack.com/archives/C1/p1|Payment retries>  ·  3 of "
                + questions
                + " answered, 1 skipped  ·  _paused_"),
        texts.toString());
    assertEquals("home", home.get("type").getAsString());
    JsonObject button =
        home.getAsJsonArray("blocks")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("elements")
            .get(0)
            .getAsJsonObject();
    assertEquals("home_new_spec", button.get("action_id").getAsString());
    assertTrue(texts.contains("Drafting"));
  }

  @Test
  void a_reviewer_sees_the_reviews_asked_and_the_concerns_they_must_resolve() throws Exception {
    Spec spec = spec("i2", "Search v2", T0);
    HomeRows rows =
        rows(
            empty(),
            empty(),
            page(
                List.of(
                    new HomeRows.ReviewAsked(spec, Verdict.PENDING),
                    new HomeRows.ReviewAsked(spec("i3", "Old one", T0), Verdict.STALE)),
                2),
            page(List.of(new HomeRows.OpenConcern(spec, "perf", "UBOB", true)), 1));

    List<String> texts = texts(checked(rows, "reviewer"));

    assertTrue(texts.contains("Waiting on you"), texts.toString());
    assertTrue(
        texts.contains("<https://x.slack.com/archives/C1/p2|Search v2>: your review is requested"));
    assertTrue(texts.stream().anyMatch(t -> t.contains("your verdict is asked again")));
    assertTrue(
        texts.contains(
            "Your concern *perf* on <https://x.slack.com/archives/C1/p2|Search v2>: resolve it"
                + " once answered"));
  }

  @Test
  void a_co_author_sees_the_section_handed_to_them_by_its_title() throws Exception {
    var template = CATALOG.find("feature-plan").orElseThrow();
    var question = template.questions().get(1);
    HomeRows rows =
        new HomeRows(
            empty(),
            page(List.of(new HomeRows.Assigned(spec("i4", "Billing", T0), question.id(), T0)), 1),
            empty(),
            empty(),
            empty(),
            empty());

    List<String> texts = texts(checked(rows, "co-author"));

    assertTrue(
        texts.contains(
            "Section *"
                + question.title()
                + "* of <https://x.slack.com/archives/C1/p4|Billing>: handed to you, waiting for"
                + " your answer in the thread"),
        texts.toString());
  }

  @Test
  void hundreds_of_specs_stay_within_slacks_limits_newest_first_then_and_n_more() throws Exception {
    int page = dev.specbot.storage.Home.PAGE;
    List<HomeRows.Drafting> drafting = new ArrayList<>();
    IntStream.range(0, page)
        .forEach(i -> drafting.add(drafting("d" + i, HOSTILE + i, 500, 500, Status.ASKING)));
    List<HomeRows.Assigned> assigned = new ArrayList<>();
    List<HomeRows.ReviewAsked> reviews = new ArrayList<>();
    List<HomeRows.OpenConcern> concerns = new ArrayList<>();
    List<HomeRows.Discussion> discussions = new ArrayList<>();
    List<HomeRows.Approved> approved = new ArrayList<>();
    for (int i = 0; i < page; i++) {
      Spec spec = spec("s" + i, HOSTILE, T0.minusSeconds(i));
      assigned.add(new HomeRows.Assigned(spec, HOSTILE, T0));
      reviews.add(new HomeRows.ReviewAsked(spec, Verdict.PENDING));
      concerns.add(new HomeRows.OpenConcern(spec, HOSTILE, "<!everyone>", false));
      discussions.add(
          new HomeRows.Discussion(spec, T0, Duration.ofMinutes(30), ZoneId.of("Asia/Kolkata")));
      approved.add(new HomeRows.Approved(spec, Stage.APPROVED, T0));
    }
    HomeRows rows =
        new HomeRows(
            new Page<>(drafting, 300),
            new Page<>(assigned, 250),
            new Page<>(reviews, 400),
            new Page<>(concerns, 120),
            new Page<>(discussions, 90),
            new Page<>(approved, 500));

    JsonObject home = checked(rows, "hundreds");

    assertTrue(home.getAsJsonArray("blocks").size() <= 100);
    List<String> texts = texts(home);
    assertTrue(texts.contains("…and 292 more of your specs"), texts.toString());
    assertTrue(texts.contains("…and 492 more approved specs"));
    assertTrue(texts.get(1).contains("/p0|"), "in the order given: newest first");
    for (String text : texts) {
      assertTrue(text.length() <= 3000, text);
      assertFalse(text.contains("<!channel>"), text);
      assertFalse(text.contains("<!everyone>"), text);
      assertFalse(text.contains("<https://evil"), text);
      assertFalse(text.contains("@here"), text);
    }
    assertTrue(texts.get(1).contains("&lt;!channel&gt;"), texts.get(1));
  }

  @Test
  void someone_new_is_told_what_to_do() throws Exception {
    List<String> texts = texts(checked(rows(empty(), empty(), empty(), empty()), "empty"));

    assertTrue(texts.stream().anyMatch(t -> t.contains("Press *New spec*")), texts.toString());
  }

  private JsonObject checked(HomeRows rows, String name) throws IOException, InterruptedException {
    String json = GSON.toJson(view.of(rows));
    Path file = Files.createDirectories(Path.of("target", "slack-views")).resolve("home-" + name);
    file = Path.of(file + ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    SlackCheck.blocks("home", file);
    return GSON.fromJson(json, JsonObject.class);
  }

  /** Every text of the view: headers, sections, context elements. */
  private static List<String> texts(JsonObject home) {
    List<String> texts = new ArrayList<>();
    for (JsonElement element : home.getAsJsonArray("blocks")) {
      JsonObject block = element.getAsJsonObject();
      if (block.has("text")) {
        texts.add(block.getAsJsonObject("text").get("text").getAsString());
      }
      if (block.get("type").getAsString().equals("context")) {
        for (JsonElement part : block.getAsJsonArray("elements")) {
          texts.add(part.getAsJsonObject().get("text").getAsString());
        }
      }
    }
    return texts;
  }

  private static HomeRows rows(
      Page<HomeRows.Drafting> drafting,
      Page<HomeRows.Assigned> assigned,
      Page<HomeRows.ReviewAsked> reviews,
      Page<HomeRows.OpenConcern> concerns) {
    return new HomeRows(drafting, assigned, reviews, concerns, empty(), empty());
  }

  private static <T> Page<T> page(List<T> shown, int total) {
    return new Page<>(shown, total);
  }

  private static <T> Page<T> empty() {
    return new Page<>(List.of(), 0);
  }

  private static HomeRows.Drafting drafting(
      String id, String title, int answered, int skipped, Status status) {
    return new HomeRows.Drafting(spec(id, title, T0), status, answered, skipped);
  }

  private static Spec spec(String id, String title, Instant createdAt) {
    return new Spec(
        id,
        title,
        "feature-plan",
        "C1",
        Optional.of("https://x.slack.com/archives/C1/p" + id.substring(1)),
        createdAt);
  }
}

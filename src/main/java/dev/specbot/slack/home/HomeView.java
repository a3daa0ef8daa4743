package dev.specbot.slack.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import dev.specbot.storage.HomeRows;
import dev.specbot.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A person's Home tab as a Block Kit home view: the New spec button, then what they are drafting,
 * what waits on them, their upcoming discussions and what was approved lately in their channels,
 * each spec a line linking to its thread, newest first, and "and N more" past a page. With every
 * part full it has under 70 blocks (Slack allows 100), and each line is bounded whatever a title
 * holds (see {@link HomeLines}).
 */
public final class HomeView {
  private final HomeLines lines;

  /** {@code templates} finds a spec's template by id, for its questions. */
  public HomeView(Function<String, Optional<Template>> templates) {
    this.lines = new HomeLines(templates);
  }

  /** The home of the person whose specs {@code rows} are. */
  public View of(HomeRows rows) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        actions(
            a ->
                a.blockId(ActionIds.HOME_NEW_SPEC)
                    .elements(
                        List.of(
                            Message.buttonOf(
                                ActionIds.HOME_NEW_SPEC, "New spec", "new", "primary")))));
    if (rows.isEmpty()) {
      blocks.add(
          text(
              "Nothing here yet. Press *New spec* (or type `/spec` in a channel) to write one:"
                  + " the specs you draft, review or write a section of show here, with what"
                  + " waits on you."));
      return home(blocks);
    }
    part(blocks, "Drafting", rows.drafting(), lines::drafting, "of your specs");
    if (waitsOnYou(rows)) {
      blocks.add(divider());
      blocks.add(header(h -> h.text(plainText("Waiting on you"))));
      lines(blocks, rows.assigned(), lines::assigned, "sections");
      lines(blocks, rows.reviews(), lines::review, "reviews");
      lines(blocks, rows.concerns(), lines::concern, "concerns");
    }
    part(blocks, "Upcoming discussions", rows.discussions(), lines::discussion, "discussions");
    part(
        blocks,
        "Recently approved in your channels",
        rows.approved(),
        lines::approved,
        "approved specs");
    return home(blocks);
  }

  private static boolean waitsOnYou(HomeRows rows) {
    return rows.assigned().total() + rows.reviews().total() + rows.concerns().total() > 0;
  }

  private static <T> void part(
      List<LayoutBlock> blocks,
      String title,
      HomeRows.Page<T> page,
      Function<T, String> line,
      String what) {
    if (page.total() == 0) {
      return;
    }
    if (blocks.size() > 1) {
      blocks.add(divider());
    }
    blocks.add(header(h -> h.text(plainText(title))));
    lines(blocks, page, line, what);
  }

  private static <T> void lines(
      List<LayoutBlock> blocks, HomeRows.Page<T> page, Function<T, String> line, String what) {
    for (T row : page.shown()) {
      blocks.add(text(line.apply(row)));
    }
    if (page.more() > 0) {
      String more = "…and " + page.more() + " more " + what;
      blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
    }
  }

  private static LayoutBlock text(String mrkdwn) {
    return section(s -> s.text(markdownText(mrkdwn)));
  }

  private static View home(List<LayoutBlock> blocks) {
    return view(v -> v.type("home").blocks(blocks));
  }
}

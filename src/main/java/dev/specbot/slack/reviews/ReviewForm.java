package dev.specbot.slack.reviews;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The short form a reviewer's Request changes and Comment buttons open: which section (optional),
 * and what. The spec it is about and which of the two it is travel in the view's metadata.
 */
public final class ReviewForm {
  /** Slack's limits: 100 options in a select, 75 characters in an option's text. */
  private static final int MAX_OPTIONS = 100;

  private static final int OPTION_TEXT = 75;

  /** A request for changes, or a comment: what a submitted form is. */
  public enum Kind {
    CHANGES,
    COMMENT
  }

  /** What a submitted form holds. */
  public record Submitted(Kind kind, String interviewId, Optional<String> section, String text) {}

  private ReviewForm() {}

  /** The form for {@code kind} on the spec {@code interviewId} drafted from {@code template}. */
  static View of(Kind kind, String interviewId, Template template) {
    List<OptionObject> sections = new ArrayList<>();
    for (Question question : template.questions()) {
      if (sections.size() == MAX_OPTIONS) {
        break;
      }
      sections.add(option(plainText(Message.cut(question.title(), OPTION_TEXT)), question.title()));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!sections.isEmpty()) {
      blocks.add(
          input(
              i ->
                  i.blockId(ActionIds.REVIEW_SECTION_BLOCK)
                      .optional(true)
                      .label(plainText("Section"))
                      .element(
                          staticSelect(
                              s ->
                                  s.actionId(ActionIds.REVIEW_SECTION_BLOCK)
                                      .placeholder(plainText("The whole spec"))
                                      .options(sections)))));
    }
    blocks.add(
        input(
            i ->
                i.blockId(ActionIds.REVIEW_TEXT_BLOCK)
                    .label(plainText(kind == Kind.CHANGES ? "What should change" : "Comment"))
                    .element(
                        plainTextInput(
                            p -> p.actionId(ActionIds.REVIEW_TEXT_BLOCK).multiline(true)))));
    String title = kind == Kind.CHANGES ? "Request changes" : "Comment";
    return view(
        v ->
            v.type("modal")
                .callbackId(ActionIds.REVIEW_FORM)
                .privateMetadata(kind.name() + ":" + interviewId)
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  /** The kind and spec a form was opened for, from its metadata; empty if it is not ours. */
  public static Optional<Submitted> read(
      String metadata, Optional<String> section, Optional<String> text) {
    int colon = metadata == null ? -1 : metadata.indexOf(':');
    if (colon < 0 || text.isEmpty() || text.get().isBlank()) {
      return Optional.empty();
    }
    Kind kind;
    try {
      kind = Kind.valueOf(metadata.substring(0, colon));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
    return Optional.of(
        new Submitted(kind, metadata.substring(colon + 1), section, text.get().strip()));
  }
}

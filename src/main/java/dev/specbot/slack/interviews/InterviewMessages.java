package dev.specbot.slack.interviews;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.specbot.interview.Effect;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import dev.specbot.template.Question;
import dev.specbot.template.ReviewSettings;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bot says in Slack, as text and Block Kit: the wording of the Slack front end in one
 * place.
 */
public final class InterviewMessages {

  /**
   * The longest title, in characters: the start form's limit, which {@code /spec TEMPLATE TITLE}
   * keeps too. A title is repeated in the parent message, every notification and the file name, so
   * a long one would take those past what Slack accepts.
   */
  static final int TITLE_LIMIT = 150;

  private InterviewMessages() {}

  /**
   * The person picker that hands the question to a teammate; its block's id says which interview
   * and question (see {@link ActionIds#handOverBlock}), since a picker carries no value.
   */
  private static BlockElement handOver() {
    return usersSelect(
        u -> u.actionId(ActionIds.HAND_OVER).placeholder(plainText("Hand to a teammate")));
  }

  static Message question(Effect.Ask ask, String interviewId) {
    Question question = ask.question();
    List<LayoutBlock> blocks = new ArrayList<>();
    String where =
        question.path().isEmpty()
            ? ""
            : SlackText.escape(String.join(" › ", question.path())) + " › ";
    String title = SlackText.escape(question.title());
    String heading =
        "*Question "
            + question.number()
            + " of "
            + ask.total()
            + "* · "
            + where
            + "*"
            + title
            + "*"
            + (question.optional() ? " _(optional)_" : "");
    blocks.add(section(s -> s.text(markdownText(heading))));
    question.prompt().ifPresent(prompt -> blocks.add(Message.sectionOf(SlackText.escape(prompt))));
    if (!question.hint().isBlank()) {
      blocks.add(Message.sectionOf(SlackText.escape(question.hint())));
    }
    ask.previousAnswer()
        .ifPresent(
            answer ->
                blocks.add(
                    context(
                        c ->
                            c.elements(
                                List.of(
                                    markdownText(
                                        Message.cut(
                                            "Current answer: " + SlackText.escape(answer),
                                            2000)))))));
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            "Reply in this thread to answer. Also: `skip`, `back`, `goto N`, `preview`,"
                                + " `finish`, `help`")))));
    blocks.add(
        actions(
            a ->
                a.blockId(ActionIds.handOverBlock(interviewId, question.number()))
                    .elements(
                        List.<BlockElement>of(
                            button(
                                b ->
                                    b.actionId(ActionIds.SKIP)
                                        .text(plainText("Skip"))
                                        .value(interviewId)),
                            button(
                                b ->
                                    b.actionId(ActionIds.BACK)
                                        .text(plainText("Back"))
                                        .value(interviewId)),
                            handOver()))));
    return Message.of(
        "Question " + question.number() + " of " + ask.total() + ": " + title, blocks);
  }

  static Message paused(String text, String interviewId) {
    return Message.withButtons(
        text, Message.buttonOf(ActionIds.RESUME, "Resume", interviewId, null));
  }

  static Message confirmCancel(String interviewId) {
    String text = "Cancel this interview? Nothing will be posted; your answers are kept.";
    return Message.of(
        text,
        List.of(
            Message.sectionOf(text + " Reply `yes` to cancel or `no` to go on."),
            actions(
                a ->
                    a.elements(
                        List.<BlockElement>of(
                            Message.buttonOf(
                                ActionIds.CONFIRM_CANCEL, "Yes, cancel", interviewId, "danger"),
                            Message.buttonOf(
                                ActionIds.KEEP_GOING, "Keep going", interviewId, null))))));
  }

  static String help() {
    return """
        *specbot* interviews you one template section at a time, here in the thread, and posts the \
        finished spec.
        • Reply in the thread to answer the current question.
        • `skip` leaves it for now; `skip section` skips the rest of its group.
        • `back` goes to the previous question; `goto N` asks question N again, then returns to the first \
        unanswered one.
        • `preview` shows the document so far.
        • `assign N @name` hands question N to a teammate (`assign section N @name` its whole group);         their replies here answer it while you go on. `unassign N` takes it back.
        • `pause` and `resume` stop and restart the questions.
        • `finish` posts the spec now, unanswered sections marked.
        • `cancel` stops the interview (it asks first); nothing is posted.
        • `/spec` starts another spec; `/spec list` lists yours; `/spec templates` lists the templates.""";
  }

  public static String commandHelp(TemplateCatalog catalog) {
    return """
        *specbot* writes specs with you, one question at a time in a thread.
        • `/spec` opens a form: pick a template, give a title and where to post.
        • `/spec TEMPLATE TITLE` starts at once in this channel, e.g. `/spec echo-tech-spec Payment retries`.
        • `/spec templates` lists the templates; `/spec list` lists your specs and where they are.
        In the thread, reply `help` for the commands there. Once the spec is posted, `review @alice \
        @bob` asks for reviews; it is approved when every reviewer approves (or a majority, where \
        `/spec templates` says so) and no concern is open.
        Templates:\s"""
        + String.join(", ", catalog.all().stream().map(t -> "`" + t.id() + "`").toList());
  }

  public static String templateList(TemplateCatalog catalog) {
    StringBuilder text = new StringBuilder("*Templates*");
    for (Template template : catalog.all()) {
      text.append("\n• `")
          .append(template.id())
          .append("` ")
          .append(SlackText.escape(template.name()))
          .append(" (")
          .append(template.questions().size())
          .append(" questions)")
          .append(approval(template.review()));
    }
    return text.toString();
  }

  /** How a template's specs are approved, when it is not by every reviewer. */
  private static String approval(ReviewSettings review) {
    if (!review.majority()) {
      return "";
    }
    return ", approved by a majority of its reviewers"
        + (review.maxOutstanding() == 0
            ? ""
            : " with at most " + review.maxOutstanding() + " not yet");
  }

  /** Whether a title is within {@link #TITLE_LIMIT}, counting characters as people do. */
  public static boolean titleFits(String title) {
    return title.codePointCount(0, title.length()) <= TITLE_LIMIT;
  }

  /** The private answer to {@code /spec TEMPLATE TITLE} with a title that is too long. */
  public static String titleTooLong(String title, String templateId) {
    return "That title is "
        + title.codePointCount(0, title.length())
        + " characters long; a spec's title can have at most "
        + TITLE_LIMIT
        + ". Nothing was started: try again with a shorter one, e.g. `/spec "
        + templateId
        + " Payment retries`.";
  }

  /** The start form's error under a title that is too long. */
  public static String titleTooLongInForm(String title) {
    return "A title can have at most "
        + TITLE_LIMIT
        + " characters; this one has "
        + title.codePointCount(0, title.length())
        + ".";
  }

  /** The form {@code /spec} opens: template, title and where to post. */
  public static View startModal(
      TemplateCatalog catalog, String channelId, Optional<String> templateId) {
    List<OptionObject> options =
        catalog.all().stream()
            .limit(100)
            .map(
                t ->
                    option(
                        plainText(
                            Message.cut(
                                t.name() + " (" + t.questions().size() + " questions)", 75)),
                        t.id()))
            .toList();
    Optional<OptionObject> initial =
        templateId.flatMap(id -> options.stream().filter(o -> o.getValue().equals(id)).findFirst());
    List<LayoutBlock> blocks =
        List.of(
            input(
                i ->
                    i.blockId(ActionIds.TEMPLATE_BLOCK)
                        .label(plainText("Template"))
                        .element(
                            staticSelect(
                                s ->
                                    s.actionId(ActionIds.TEMPLATE_BLOCK)
                                        .placeholder(plainText("Pick a template"))
                                        .options(options)
                                        .initialOption(initial.orElse(null))))),
            input(
                i ->
                    i.blockId(ActionIds.TITLE_BLOCK)
                        .label(plainText("Title"))
                        .element(
                            plainTextInput(
                                p ->
                                    p.actionId(ActionIds.TITLE_BLOCK)
                                        .maxLength(TITLE_LIMIT)
                                        .placeholder(plainText("e.g. Payment retries"))))),
            input(
                i ->
                    i.blockId(ActionIds.CHANNEL_BLOCK)
                        .label(plainText("Post in"))
                        .element(
                            conversationsSelect(
                                c ->
                                    c.actionId(ActionIds.CHANNEL_BLOCK)
                                        .defaultToCurrentConversation(true)))));
    return view(
        v ->
            v.type("modal")
                .callbackId(ActionIds.START_VIEW)
                .privateMetadata(channelId)
                .title(viewTitle(t -> t.type("plain_text").text("Start a spec")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Start")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }
}

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
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.specbot.interview.Effect;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Progress;
import dev.specbot.interview.Status;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bot says in Slack, as text and Block Kit: the wording of the Slack front end in one
 * place.
 */
final class InterviewMessages {
  static final String SKIP = "specbot_skip";
  static final String BACK = "specbot_back";
  static final String RESUME = "specbot_resume";
  static final String CONFIRM_CANCEL = "specbot_confirm_cancel";
  static final String KEEP_GOING = "specbot_keep_going";
  static final String START_VIEW = "specbot_start";
  static final String TEMPLATE_BLOCK = "template";
  static final String TITLE_BLOCK = "title";
  static final String CHANNEL_BLOCK = "channel";

  /**
   * The longest title, in characters: the start form's limit, which {@code /spec TEMPLATE TITLE}
   * keeps too. A title is repeated in the parent message, every notification and the file name, so
   * a long one would take those past what Slack accepts.
   */
  static final int TITLE_LIMIT = 150;

  /** Slack's limit on a section's text; hints longer than this are cut, answers are never cut. */
  private static final int SECTION_LIMIT = 3000;

  private static final Gson GSON = GsonFactory.createSnakeCase();

  private InterviewMessages() {}

  /**
   * A message: its text (notification and fallback) and its blocks as JSON. Slack renders both as
   * mrkdwn, so the text is built from the same escaped parts as the blocks, never from a raw value:
   * a title in the text alone would ping a channel on every notification.
   */
  record Message(String text, String blocks) {}

  static Message parent(Interview interview, Template template, Progress progress) {
    return parent(interview, template, progress, Optional.empty());
  }

  /** The parent message; once a meeting is set, its line says when (or that it was cancelled). */
  static Message parent(
      Interview interview, Template template, Progress progress, Optional<String> meetingLine) {
    String title = SlackText.escape(interview.title());
    String templateName = SlackText.escape(template.name());
    String headline =
        "*"
            + title
            + "* - "
            + templateName
            + ", drafted by <@"
            + interview.drafterId()
            + ">: answer in the thread";
    String status =
        progressLine(interview.status(), progress, interview.current())
            + meetingLine.map(line -> " · " + line).orElse("");
    List<LayoutBlock> blocks =
        List.of(
            section(s -> s.text(markdownText(headline))),
            context(c -> c.elements(List.of(markdownText(status)))));
    return message(title + " - " + templateName + ": " + status, blocks);
  }

  static String progressLine(Status status, Progress progress, int current) {
    String counts =
        progress.answered()
            + " of "
            + progress.total()
            + " answered"
            + (progress.skipped() > 0 ? ", " + progress.skipped() + " skipped" : "");
    return switch (status) {
      case ASKING, CONFIRMING_CANCEL ->
          "In progress: question " + (current + 1) + " of " + progress.total() + " · " + counts;
      case PAUSED ->
          "Paused at question " + (current + 1) + " of " + progress.total() + " · " + counts;
      case FINISHED -> "Finished · " + counts;
      case CANCELLED -> "Cancelled · " + counts;
    };
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
    question.prompt().ifPresent(prompt -> blocks.add(sectionOf(SlackText.escape(prompt))));
    if (!question.hint().isBlank()) {
      blocks.add(sectionOf(SlackText.escape(question.hint())));
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
                                        cut(
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
                a.elements(
                    List.<BlockElement>of(
                        button(b -> b.actionId(SKIP).text(plainText("Skip")).value(interviewId)),
                        button(
                            b -> b.actionId(BACK).text(plainText("Back")).value(interviewId))))));
    return message("Question " + question.number() + " of " + ask.total() + ": " + title, blocks);
  }

  static Message say(String text) {
    return message(text, List.of(sectionOf(text)));
  }

  static Message paused(String text, String interviewId) {
    return withButtons(text, buttonOf(RESUME, "Resume", interviewId, null));
  }

  static Message confirmCancel(String interviewId) {
    String text = "Cancel this interview? Nothing will be posted; your answers are kept.";
    return message(
        text,
        List.of(
            sectionOf(text + " Reply `yes` to cancel or `no` to go on."),
            actions(
                a ->
                    a.elements(
                        List.<BlockElement>of(
                            buttonOf(CONFIRM_CANCEL, "Yes, cancel", interviewId, "danger"),
                            buttonOf(KEEP_GOING, "Keep going", interviewId, null))))));
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
        • `pause` and `resume` stop and restart the questions.
        • `finish` posts the spec now, unanswered sections marked.
        • `cancel` stops the interview (it asks first); nothing is posted.
        • `/spec` starts another spec; `/spec list` lists yours; `/spec templates` lists the templates.""";
  }

  static String commandHelp(TemplateCatalog catalog) {
    return """
        *specbot* writes specs with you, one question at a time in a thread.
        • `/spec` opens a form: pick a template, give a title and where to post.
        • `/spec TEMPLATE TITLE` starts at once in this channel, e.g. `/spec echo-tech-spec Payment retries`.
        • `/spec templates` lists the templates; `/spec list` lists your specs and where they are.
        In the thread, reply `help` for the commands there.
        Templates:\s"""
        + String.join(", ", catalog.all().stream().map(t -> "`" + t.id() + "`").toList());
  }

  static String templateList(TemplateCatalog catalog) {
    StringBuilder text = new StringBuilder("*Templates*");
    for (Template template : catalog.all()) {
      text.append("\n• `")
          .append(template.id())
          .append("` ")
          .append(SlackText.escape(template.name()))
          .append(" (")
          .append(template.questions().size())
          .append(" questions)");
    }
    return text.toString();
  }

  /** Whether a title is within {@link #TITLE_LIMIT}, counting characters as people do. */
  static boolean titleFits(String title) {
    return title.codePointCount(0, title.length()) <= TITLE_LIMIT;
  }

  /** The private answer to {@code /spec TEMPLATE TITLE} with a title that is too long. */
  static String titleTooLong(String title, String templateId) {
    return "That title is "
        + title.codePointCount(0, title.length())
        + " characters long; a spec's title can have at most "
        + TITLE_LIMIT
        + ". Nothing was started: try again with a shorter one, e.g. `/spec "
        + templateId
        + " Payment retries`.";
  }

  /** The start form's error under a title that is too long. */
  static String titleTooLongInForm(String title) {
    return "A title can have at most "
        + TITLE_LIMIT
        + " characters; this one has "
        + title.codePointCount(0, title.length())
        + ".";
  }

  /** The form {@code /spec} opens: template, title and where to post. */
  static View startModal(TemplateCatalog catalog, String channelId, Optional<String> templateId) {
    List<OptionObject> options =
        catalog.all().stream()
            .limit(100)
            .map(
                t ->
                    option(
                        plainText(cut(t.name() + " (" + t.questions().size() + " questions)", 75)),
                        t.id()))
            .toList();
    Optional<OptionObject> initial =
        templateId.flatMap(id -> options.stream().filter(o -> o.getValue().equals(id)).findFirst());
    List<LayoutBlock> blocks =
        List.of(
            input(
                i ->
                    i.blockId(TEMPLATE_BLOCK)
                        .label(plainText("Template"))
                        .element(
                            staticSelect(
                                s ->
                                    s.actionId(TEMPLATE_BLOCK)
                                        .placeholder(plainText("Pick a template"))
                                        .options(options)
                                        .initialOption(initial.orElse(null))))),
            input(
                i ->
                    i.blockId(TITLE_BLOCK)
                        .label(plainText("Title"))
                        .element(
                            plainTextInput(
                                p ->
                                    p.actionId(TITLE_BLOCK)
                                        .maxLength(TITLE_LIMIT)
                                        .placeholder(plainText("e.g. Payment retries"))))),
            input(
                i ->
                    i.blockId(CHANNEL_BLOCK)
                        .label(plainText("Post in"))
                        .element(
                            conversationsSelect(
                                c ->
                                    c.actionId(CHANNEL_BLOCK)
                                        .defaultToCurrentConversation(true)))));
    return view(
        v ->
            v.type("modal")
                .callbackId(START_VIEW)
                .privateMetadata(channelId)
                .title(viewTitle(t -> t.type("plain_text").text("Start a spec")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Start")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  static String blocksJson(List<LayoutBlock> blocks) {
    return GSON.toJson(blocks);
  }

  /** A button; {@code style} is "primary", "danger" or null for a plain one. */
  static ButtonElement buttonOf(String actionId, String label, String value, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(label))
        .value(value)
        .style(style)
        .build();
  }

  /** A message: its text in a section, then a row of buttons. */
  static Message withButtons(String text, ButtonElement... buttons) {
    return message(
        text, List.of(sectionOf(text), actions(a -> a.elements(List.<BlockElement>of(buttons)))));
  }

  static Message message(String text, List<LayoutBlock> blocks) {
    return new Message(cut(text, 3000), blocksJson(blocks));
  }

  static LayoutBlock sectionOf(String mrkdwn) {
    return section(s -> s.text(markdownText(cut(mrkdwn, SECTION_LIMIT))));
  }

  /** Cuts guidance to a limit, marking the cut; never used on answers. */
  static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}

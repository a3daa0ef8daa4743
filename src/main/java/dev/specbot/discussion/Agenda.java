package dev.specbot.discussion;

import dev.specbot.review.Concern;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the discussion meeting should settle, posted in the thread as it starts: the sections of
 * open questions as answered, the open review concerns, and who of the attendees has read the spec.
 * Long texts are shortened (the document has them whole), so the agenda fits one Slack message.
 *
 * @param questions the open-question sections, in the template's order, at most {@link
 *     #MAX_SECTIONS}
 * @param concerns the open concerns, at most {@link #MAX_CONCERNS}, their texts shortened
 * @param left how many sections and concerns did not fit
 * @param read who has read the spec, in the order they did (attendees or not)
 * @param notYetRead the attendees who have not
 */
public record Agenda(
    List<OpenQuestions> questions,
    List<Concern> concerns,
    int left,
    List<String> read,
    List<String> notYetRead) {
  static final int MAX_SECTIONS = 8;
  static final int MAX_CONCERNS = 10;
  static final int MAX_ANSWER = 600;
  static final int MAX_CONCERN = 300;

  /** The headings, by their words, of the sections that hold a template's open questions. */
  private static final Set<String> OPEN_QUESTIONS =
      Set.of(
          "open questions",
          "unresolved questions",
          "open technical questions",
          "outstanding questions");

  /**
   * One section of open questions.
   *
   * @param section its heading, with the headings above it where it sits under one that names it
   * @param answer what the spec says there; empty when nothing was written
   * @param shortened whether {@code answer} was cut to fit
   */
  public record OpenQuestions(String section, Optional<String> answer, boolean shortened) {
    public OpenQuestions {
      Objects.requireNonNull(section, "null section");
      Objects.requireNonNull(answer, "null answer");
    }
  }

  public Agenda {
    questions = List.copyOf(questions);
    concerns = List.copyOf(concerns);
    read = List.copyOf(read);
    notYetRead = List.copyOf(notYetRead);
  }

  /**
   * The agenda of a spec.
   *
   * @param answers the interview's answers by question id
   * @param concerns the review's concerns, open or not
   * @param attendees who was invited
   * @param readers who has read the spec
   */
  public static Agenda of(
      Template template,
      Map<String, String> answers,
      List<Concern> concerns,
      List<String> attendees,
      List<String> readers) {
    List<OpenQuestions> questions = new ArrayList<>();
    int left = 0;
    for (Question question : template.questions()) {
      Optional<String> under = openQuestionsHeading(question);
      if (under.isEmpty()) {
        continue;
      }
      if (questions.size() == MAX_SECTIONS) {
        left++;
        continue;
      }
      String answer = answers.getOrDefault(question.id(), "").strip();
      questions.add(
          new OpenQuestions(
              under.get(),
              answer.isEmpty() ? Optional.empty() : Optional.of(shortened(answer, MAX_ANSWER)),
              answer.length() > MAX_ANSWER));
    }
    List<Concern> open = new ArrayList<>();
    for (Concern concern : concerns) {
      if (!concern.isOpen()) {
        continue;
      }
      if (open.size() == MAX_CONCERNS) {
        left++;
        continue;
      }
      open.add(
          new Concern(
              concern.name(),
              concern.authorId(),
              shortened(concern.text(), MAX_CONCERN),
              concern.raisedAt(),
              concern.resolvedAt()));
    }
    List<String> notYet = attendees.stream().filter(a -> !readers.contains(a)).toList();
    return new Agenda(questions, open, left, readers, notYet);
  }

  /**
   * The section's name on the agenda when it holds open questions: its own heading, or the heading
   * above it that does ("Open Technical Questions > Q1: ...").
   */
  private static Optional<String> openQuestionsHeading(Question question) {
    if (OPEN_QUESTIONS.contains(Headings.words(question.title()))) {
      return Optional.of(question.title());
    }
    for (String heading : question.path()) {
      if (OPEN_QUESTIONS.contains(Headings.words(heading))) {
        return Optional.of(heading + " > " + Headings.withoutPlaceholders(question.title()));
      }
    }
    return Optional.empty();
  }

  /** The text cut to {@code limit} characters, never inside a surrogate pair, marked by "…". */
  static String shortened(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + "…";
  }
}

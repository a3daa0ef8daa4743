package dev.specbot.slack.interviews;

import com.slack.api.model.File;
import java.util.List;
import java.util.Optional;

/** A reply's text as an answer: its words and a link to each attached file, so nothing is lost. */
public final class ReplyText {
  private ReplyText() {}

  public static String of(String text, List<File> files) {
    StringBuilder answer = new StringBuilder(Optional.ofNullable(text).orElse(""));
    for (File file : Optional.ofNullable(files).orElse(List.of())) {
      answer
          .append(answer.length() > 0 ? "\n" : "")
          .append('[')
          .append(Optional.ofNullable(file.getName()).orElse("file"))
          .append("](")
          .append(Optional.ofNullable(file.getPermalink()).orElse(""))
          .append(')');
    }
    return answer.toString();
  }
}

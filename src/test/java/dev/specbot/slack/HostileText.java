package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import dev.specbot.interview.Interview;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A title and a profile name written to ping, inject links and mention, and how they must look. */
public final class HostileText {
  public static final String HOSTILE =
      "<!channel> <@U0BOB0001> <https://evil.example/login|Sign in again> & @here";
  public static final String ESCAPED =
      "&lt;!channel&gt; &lt;@U0BOB0001&gt; &lt;https://evil.example/login|Sign in again&gt;"
          + " &amp; @\u2060here";
  public static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
  public static final Template TEMPLATE =
      TemplateCatalog.load(Optional.empty()).find("echo-tech-spec").orElseThrow();
  public static final Interview INTERVIEW =
      Interview.start("i-1", TEMPLATE.id(), HOSTILE, "U0ALICE", HOSTILE, NOW);

  private HostileText() {}

  public static void assertNoRawText(String where, String value) {
    for (String raw : List.of("<!channel", "<@U0BOB0001", "<https://evil.example")) {
      assertFalse(value.contains(raw), where + " has " + raw + " unescaped: " + value);
    }
    assertFalse(value.contains(" @here"), where + " has a bare @here: " + value);
  }

  /** Block Kit JSON as text, without the Unicode escapes Gson puts in place of {@code < > &}. */
  public static String plain(String json) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(JsonParser.parseString(json));
  }
}

package dev.specbot;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How specbot runs, read from the environment; each variable and its default is documented in the
 * README.
 *
 * @param slackBotToken {@code SLACK_BOT_TOKEN}, required
 * @param slackSigningSecret {@code SLACK_SIGNING_SECRET}, required
 * @param port {@code PORT}, default 3000
 * @param databaseUrl {@code DATABASE_URL}, default {@code jdbc:sqlite:data/specbot.db}
 * @param slackApiUrl {@code SLACK_API_URL}, default {@code https://slack.com/api/}
 * @param templatesDir {@code SPECBOT_TEMPLATES_DIR}, optional
 */
public record Config(
    String slackBotToken,
    String slackSigningSecret,
    int port,
    String databaseUrl,
    String slackApiUrl,
    Optional<Path> templatesDir) {

  /** A configuration that cannot run, with a one-line message naming the variable. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  public static Config fromEnvironment(Map<String, String> env) throws Invalid {
    return new Config(
        required(env, "SLACK_BOT_TOKEN"),
        required(env, "SLACK_SIGNING_SECRET"),
        port(env),
        optional(env, "DATABASE_URL").orElse("jdbc:sqlite:data/specbot.db"),
        apiUrl(env),
        optional(env, "SPECBOT_TEMPLATES_DIR").map(Path::of));
  }

  /** Never shows the token or the signing secret. */
  @Override
  public String toString() {
    return "Config[port="
        + port
        + ", databaseUrl="
        + databaseUrl
        + ", slackApiUrl="
        + slackApiUrl
        + ", templatesDir="
        + templatesDir.map(Path::toString).orElse("(none)")
        + "]";
  }

  private static String required(Map<String, String> env, String name) throws Invalid {
    return optional(env, name)
        .orElseThrow(() -> new Invalid(name + " is not set: specbot needs it to talk to Slack"));
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static int port(Map<String, String> env) throws Invalid {
    String value = optional(env, "PORT").orElse("3000");
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new Invalid("PORT must be a port number from 0 to 65535, not \"" + value + "\"");
    }
  }

  /**
   * The Slack client needs the trailing slash; a URL without one is completed rather than refused.
   */
  private static String apiUrl(Map<String, String> env) throws Invalid {
    String url = optional(env, "SLACK_API_URL").orElse("https://slack.com/api/");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new Invalid(
          "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, not \""
              + url
              + "\"");
    }
    return url.endsWith("/") ? url : url + "/";
  }
}

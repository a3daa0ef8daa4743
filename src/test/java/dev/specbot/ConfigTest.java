package dev.specbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.meeting.NudgePolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-secret-token");
    env.put("SLACK_SIGNING_SECRET", "signing-secret");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void reminder_timing_defaults_to_a_working_day_and_three_nudges() throws Exception {
    NudgePolicy nudges = Config.fromEnvironment(env()).nudges();
    assertEquals(NudgePolicy.DEFAULT, nudges);
    assertEquals(Duration.ofHours(24), nudges.idleNudgeAfter());
    assertEquals(3, nudges.maxNudges());
    assertEquals(LocalTime.of(9, 0), nudges.workingHours().start());
    assertFalse(nudges.workingHours().days().contains(DayOfWeek.SATURDAY));
  }

  @Test
  void every_reminder_setting_is_read_from_the_environment() throws Exception {
    NudgePolicy nudges =
        Config.fromEnvironment(
                env(
                    "SPECBOT_IDLE_NUDGE_AFTER", "PT2H",
                    "SPECBOT_MEETING_NUDGE_AFTER", "PT30M",
                    "SPECBOT_READ_REMINDER_BEFORE", "PT48H",
                    "SPECBOT_MAX_NUDGES", "5",
                    "SPECBOT_WORKING_HOURS", "00:00-24:00",
                    "SPECBOT_WORKING_DAYS", "SUN-THU"))
            .nudges();
    assertEquals(Duration.ofHours(2), nudges.idleNudgeAfter());
    assertEquals(Duration.ofMinutes(30), nudges.meetingNudgeAfter());
    assertEquals(Duration.ofDays(2), nudges.readReminderBefore());
    assertEquals(5, nudges.maxNudges());
    assertTrue(nudges.workingHours().days().contains(DayOfWeek.SUNDAY));
    assertFalse(nudges.workingHours().days().contains(DayOfWeek.FRIDAY));
  }

  @ParameterizedTest
  @CsvSource({
    "SPECBOT_IDLE_NUDGE_AFTER, 24h",
    "SPECBOT_IDLE_NUDGE_AFTER, PT0S",
    "SPECBOT_MEETING_NUDGE_AFTER, tomorrow",
    "SPECBOT_READ_REMINDER_BEFORE, -PT1H",
    "SPECBOT_MAX_NUDGES, three",
    "SPECBOT_MAX_NUDGES, -1",
    "SPECBOT_WORKING_HOURS, 9-5",
    "SPECBOT_WORKING_HOURS, 18:00-09:00",
    "SPECBOT_WORKING_DAYS, weekdays",
  })
  void a_malformed_reminder_setting_stops_start_up_naming_the_variable(String name, String value) {
    Config.Invalid invalid =
        assertThrows(Config.Invalid.class, () -> Config.fromEnvironment(env(name, value)));
    assertTrue(invalid.getMessage().startsWith(name), invalid.getMessage());
    assertTrue(invalid.getMessage().contains(value), invalid.getMessage());
    assertFalse(invalid.getMessage().contains("xoxb-secret-token"));
  }

  @Test
  void without_a_github_token_publishing_is_off() throws Exception {
    Config.GitHub gitHub = Config.fromEnvironment(env("SPECBOT_GITHUB_REPO", "a/b")).gitHub();
    assertFalse(gitHub.enabled());
    assertEquals("https://api.github.com", gitHub.apiUrl());
  }

  @Test
  void github_is_read_from_the_environment_without_showing_its_token() throws Exception {
    Config config =
        Config.fromEnvironment(
            env(
                "SPECBOT_GITHUB_TOKEN", "ghp_secret",
                "SPECBOT_GITHUB_REPO", "echo-team/specs",
                "SPECBOT_GITHUB_API_URL", "https://github.example.com/api/v3",
                "SPECBOT_GITHUB_LOGINS", "U123:octocat, U456:@hubot,"));
    Config.GitHub gitHub = config.gitHub();
    assertTrue(gitHub.enabled());
    assertEquals(Optional.of("echo-team/specs"), gitHub.repository());
    assertEquals("https://github.example.com/api/v3", gitHub.apiUrl());
    assertEquals(Map.of("U123", "octocat", "U456", "hubot"), gitHub.logins());
    assertFalse(config.toString().contains("ghp_secret"), config.toString());
  }

  @ParameterizedTest
  @CsvSource({
    "SPECBOT_GITHUB_REPO, echo-team",
    "SPECBOT_GITHUB_API_URL, api.github.com",
    "SPECBOT_GITHUB_LOGINS, U123=octocat",
    "SPECBOT_GITHUB_TOKEN, 'two words'"
  })
  void a_malformed_github_setting_stops_start_up_naming_the_variable(String name, String value) {
    Config.Invalid error =
        assertThrows(
            Config.Invalid.class,
            () -> Config.fromEnvironment(env("SPECBOT_GITHUB_TOKEN", "ghp_x", name, value)));
    assertTrue(error.getMessage().startsWith(name), error.getMessage());
  }

  @Test
  void an_app_token_turns_socket_mode_on_and_makes_the_signing_secret_optional() throws Exception {
    Map<String, String> env = env("SLACK_APP_TOKEN", "xapp-1-A0-secret-app-token");
    env.remove("SLACK_SIGNING_SECRET");

    Config config = Config.fromEnvironment(env);

    assertEquals(Optional.of("xapp-1-A0-secret-app-token"), config.slackAppToken());
    assertTrue(config.socketMode());
    assertEquals("", config.slackSigningSecret());
    assertTrue(config.toString().contains("socketMode=on"), config.toString());
    assertFalse(config.toString().contains("secret-app-token"), config.toString());
  }

  @Test
  void without_an_app_token_socket_mode_is_off_and_the_signing_secret_kept() throws Exception {
    Config config = Config.fromEnvironment(env("SLACK_APP_TOKEN", "  "));

    assertEquals(Optional.empty(), config.slackAppToken());
    assertFalse(config.socketMode());
    assertEquals("signing-secret", config.slackSigningSecret());
    assertTrue(config.toString().contains("socketMode=off"), config.toString());
  }

  @Test
  void without_an_app_token_the_signing_secret_is_required() {
    Map<String, String> env = env();
    env.remove("SLACK_SIGNING_SECRET");

    Config.Invalid invalid = assertThrows(Config.Invalid.class, () -> Config.fromEnvironment(env));

    assertTrue(invalid.getMessage().startsWith("SLACK_SIGNING_SECRET"), invalid.getMessage());
    assertTrue(invalid.getMessage().contains("SLACK_APP_TOKEN"), invalid.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "xoxb-1-secret-bot-token, bot token",
    "xoxp-1-secret-user-token, user token",
    "secret-something-else, does not"
  })
  void an_app_token_of_the_wrong_kind_stops_start_up_without_showing_it(
      String token, String saying) {
    Config.Invalid invalid =
        assertThrows(
            Config.Invalid.class, () -> Config.fromEnvironment(env("SLACK_APP_TOKEN", token)));

    assertTrue(invalid.getMessage().startsWith("SLACK_APP_TOKEN"), invalid.getMessage());
    assertTrue(invalid.getMessage().contains("xapp-"), invalid.getMessage());
    assertTrue(invalid.getMessage().contains(saying), invalid.getMessage());
    assertFalse(invalid.getMessage().contains("secret-"), invalid.getMessage());
  }

  @Test
  void the_configurations_built_in_code_have_no_app_token() {
    Config config =
        new Config("xoxb-t", "s", 0, "jdbc:sqlite::memory:", "http://x/", Optional.empty());

    assertEquals(Optional.empty(), config.slackAppToken());
  }
}

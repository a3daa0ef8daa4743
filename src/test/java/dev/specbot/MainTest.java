package dev.specbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void template_commands_reach_the_template_front_end() {
    int exit = run("template", "show", "feature-plan");

    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().startsWith("Feature plan (feature-plan)\n"), out.toString());
  }

  @Test
  void an_unknown_command_prints_usage_and_exits_2() {
    assertEquals(2, run("serve-everything"));
    assertTrue(
        err.toString().startsWith("usage: java -jar specbot.jar template show"), err.toString());
  }

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }
}

package dev.specbot.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonTest {
  @Test
  void a_name_from_a_profile_is_kept_on_one_line_without_control_characters() {
    Person trent =
        new Person(
            "U0T",
            " Trent\rX-INJECTED:yes\r\n\u0000\u0085\u2028 Boss\t",
            Optional.empty(),
            ZoneOffset.UTC);

    assertEquals("Trent X-INJECTED:yes  Boss", trent.name());
  }

  @Test
  void a_name_of_nothing_but_control_characters_and_spaces_is_the_user_id() {
    Person nobody = new Person("U0NOBODY", " \r\n\u0000 ", Optional.empty(), ZoneOffset.UTC);

    assertEquals("U0NOBODY", nobody.name());
  }

  @Test
  void an_ordinary_name_with_quotes_and_emoji_is_unchanged() {
    String name = "Zoë \"Zed\" O'Brien, Jr.; 🚀";

    assertEquals(name, new Person("U0Z", name, Optional.empty(), ZoneOffset.UTC).name());
  }
}

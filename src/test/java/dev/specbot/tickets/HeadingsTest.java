package dev.specbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Implementation Options; true; false",
        "15. Incremental Implementation Checklist; true; false",
        "Milestones; true; false",
        "**Next steps**; true; false",
        "Action Items; true; false",
        "Rollout Plan; true; false",
        "Roll-out; true; false",
        "TODO; true; false",
        "Phase 1: Foundation; true; true",
        "Phase 0 – Discovery; true; true",
        "Milestone 2; true; true",
        "Stage A; true; true",
        "Spike 1: Card limits; false; true",
        "Repository Branch & Milestones; false; false",
        "8. Migration / Rollout Strategy; false; false",
        "Stages of grief; true; false",
        "Step by step; false; false",
        "Phase Name; true; false",
        "Test Plan; false; false",
        "Acceptance Criteria; false; false",
      })
  void a_heading_names_an_action_section_or_a_unit(String heading, boolean actions, boolean unit) {
    assertEquals(actions, Headings.isActions(heading), "actions");
    assertEquals(unit, Headings.isUnit(heading), "unit");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Phase 1: [Phase Name - e.g., Foundation/MVP]; Foundation\\nMore; Phase 1: Foundation",
        "Phase 1: [Phase Name - e.g., Foundation/MVP]; - only a list\\nMore; Phase 1",
        "Phase 2: [Phase Name]; Integration; Phase 2",
        "Spike 1: [Title]; Card limits\\n- goal; Spike 1: Card limits",
        "Milestones; Design\\nBuild; Milestones",
      })
  void a_placeholder_heading_is_named_by_the_answers_first_line(
      String heading, String answer, String named) {
    assertEquals(named, Headings.named(heading, answer.replace("\\n", "\n")).heading());
  }
}

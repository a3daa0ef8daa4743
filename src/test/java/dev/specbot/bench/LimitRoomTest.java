package dev.specbot.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.SlackModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitRoomTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void aChannelWithThreePostsInThreeSecondsHasNoRoomUntilTheFirstLeaves() {
    LimitRoom room = new LimitRoom(SlackModel.realistic());
    room.posted("C1", 0);
    room.posted("C1", SECOND / 2);
    assertTrue(room.hadRoom("C1", SECOND));
    room.posted("C1", SECOND);

    assertFalse(room.hadRoom("C1", 2 * SECOND));
    assertTrue(room.hadRoom("C2", 2 * SECOND), "another channel has its own limit");
    assertTrue(room.hadRoom("C1", 3 * SECOND), "the first post left the window");
  }

  @Test
  void theWorkspaceIsFullAfterItsMinuteOfPostsWhateverTheChannel() {
    SlackModel model = SlackModel.realistic().withPostMessagesPerMinute(10);
    LimitRoom room = new LimitRoom(model);
    for (int post = 0; post < 10; post++) {
      room.posted("C" + post, post * SECOND);
    }

    assertFalse(room.hadRoom("C99", 10 * SECOND));
    assertTrue(room.hadRoom("C99", 60 * SECOND), "the first post left the minute");
  }

  @Test
  void postsOfLongAgoAreForgotten() {
    LimitRoom room = new LimitRoom(SlackModel.realistic().withPostMessagesPerMinute(2));
    room.posted("C1", 0);
    room.posted("C1", SECOND);
    room.posted("C2", 1_000 * SECOND);

    assertTrue(room.hadRoom("C1", 1_000 * SECOND));
  }
}

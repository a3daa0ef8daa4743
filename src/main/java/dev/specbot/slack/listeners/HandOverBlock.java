package dev.specbot.slack.listeners;

import dev.specbot.slack.messages.ActionIds;
import java.util.Optional;

/**
 * The id of a question's block of buttons, read back: {@code specbot_hand_over:INTERVIEW:N}, as
 * {@link ActionIds#handOverBlock} wrote it.
 */
record HandOverBlock(String interviewId, int number) {
  private static final String PREFIX = ActionIds.HAND_OVER + ":";

  static Optional<HandOverBlock> read(String blockId) {
    if (blockId == null || !blockId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int colon = blockId.lastIndexOf(':');
    String number = blockId.substring(colon + 1);
    if (colon < PREFIX.length()
        || number.isEmpty()
        || number.length() > 4
        || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(
        new HandOverBlock(blockId.substring(PREFIX.length(), colon), Integer.parseInt(number)));
  }
}

package dev.specbot.slack.blocks;

/** What the converter needs to know about a markdown link's label and destination. */
final class Links {
  private Links() {}

  /** Whether the label just spells out the destination, as in an autolink {@code <https://x>}. */
  static boolean sameAddress(String label, String destination) {
    String address = destination.strip();
    return label.equals(address)
        || ("mailto:" + label).equals(address)
        || label.replace("|", "%7C").equals(address);
  }
}

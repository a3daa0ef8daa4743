package dev.specbot.github;

import java.util.Objects;

/**
 * What specbot hides in the body of an issue or comment it writes, an HTML comment such as {@code
 * <!-- specbot:spec-id=42 -->} that GitHub does not show, so that it can find what it wrote again:
 * a call that may have landed before a crash or a lost answer is looked for before it is made
 * again.
 *
 * @param kind what the key names: {@code spec-id} for a spec's issue, {@code event} for a comment
 * @param key the spec's id, or the event's key; letters, digits and {@code . _ : / -}
 */
public record Marker(String kind, String key) {
  private static final int MAX_KEY = 200;

  public Marker {
    Objects.requireNonNull(kind, "null kind");
    Objects.requireNonNull(key, "null key");
    if (!isWord(kind, 40) || !isWord(key, MAX_KEY)) {
      throw new IllegalArgumentException(
          "a marker's kind and key are letters, digits and . _ : / - (at most "
              + MAX_KEY
              + "), not \""
              + kind
              + "="
              + key
              + "\"");
    }
  }

  /** The marker of a spec's issue. */
  public static Marker spec(String specId) {
    return new Marker("spec-id", specId);
  }

  /** The marker of a comment: one review or status event, named by a key unique to it. */
  public static Marker event(String eventKey) {
    return new Marker("event", eventKey);
  }

  /** The HTML comment itself, as it ends a body. */
  public String text() {
    return "<!-- specbot:" + kind + "=" + key + " -->";
  }

  /** Whether {@code body} (which GitHub may give as null) carries this marker. */
  public boolean in(String body) {
    return body != null && body.contains(text());
  }

  /** No blanks, and nothing that could close the comment ({@code >}) or open another. */
  private static boolean isWord(String text, int max) {
    return !text.isEmpty()
        && text.length() <= max
        && text.chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || ".:_/-".indexOf(c) >= 0);
  }
}

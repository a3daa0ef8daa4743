package dev.specbot.github;

import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The next page of a listing, from GitHub's {@code Link} header: {@code <https://...&page=2>;
 * rel="next", <...>; rel="last"}. Read by hand in one pass; a link to another host than the API's
 * is not followed, since the token would go with it.
 */
final class NextPage {
  private NextPage() {}

  static Optional<HttpUrl> of(String linkHeader, HttpUrl api) {
    if (linkHeader == null) {
      return Optional.empty();
    }
    int start = 0;
    while (start < linkHeader.length()) {
      int comma = nextLinkEnd(linkHeader, start);
      String link = linkHeader.substring(start, comma).strip();
      start = comma + 1;
      int open = link.indexOf('<');
      int close = link.indexOf('>', open + 1);
      if (open != 0 || close < 0) {
        continue;
      }
      String params = link.substring(close + 1);
      if (params.contains("rel=\"next\"") || params.contains("rel=next")) {
        HttpUrl next = HttpUrl.parse(link.substring(1, close));
        if (next != null
            && next.scheme().equals(api.scheme())
            && next.host().equals(api.host())
            && next.port() == api.port()) {
          return Optional.of(next);
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Where the link starting at {@code start} ends: the first comma after its {@code >}. */
  private static int nextLinkEnd(String header, int start) {
    int close = header.indexOf('>', start);
    if (close < 0) {
      return header.length();
    }
    int comma = header.indexOf(',', close);
    return comma < 0 ? header.length() : comma;
  }
}

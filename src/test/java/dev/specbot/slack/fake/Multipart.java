package dev.specbot.slack.fake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the file out of a multipart/form-data upload: the first part's content. */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");

  private Multipart() {}

  static boolean isMultipart(String contentType) {
    return contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /** The first part's bytes, or empty if the body is not the multipart it claims to be. */
  static Optional<byte[]> firstPart(byte[] body, String contentType) {
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      return Optional.empty();
    }
    String delimiter = "--" + boundary.group(1);
    // ISO-8859-1 maps each byte to one char, so string offsets are byte offsets.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int start = text.indexOf(delimiter);
    int headersEnd = start < 0 ? -1 : text.indexOf("\r\n\r\n", start);
    int end = headersEnd < 0 ? -1 : text.indexOf("\r\n" + delimiter, headersEnd);
    if (end < 0) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(body, headersEnd + 4, end));
  }
}

package dev.specbot.template.parse;

import dev.specbot.template.TemplateException;
import dev.specbot.template.markdown.Markdown;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a template file's bytes into text, refusing what cannot be a markdown template. */
public final class TemplateText {
  /**
   * Templates are documents, not data: anything bigger is a mistake, and would slow every
   * interview.
   */
  public static final int MAX_BYTES = 1024 * 1024;

  private TemplateText() {}

  /** UTF-8 text with {@code \n} line endings and no byte-order mark. */
  static String decode(String source, byte[] bytes) throws TemplateException {
    if (bytes.length > MAX_BYTES) {
      throw tooBig(source, "a template", bytes.length + " bytes");
    }
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      throw new TemplateException(source, 1, "is UTF-16; save it as UTF-8");
    }
    String text = Markdown.unixLines(utf8(source, bytes));
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new TemplateException(
          source, lineAt(text, nul), "contains a NUL byte: is it a binary file?");
    }
    if (text.isBlank()) {
      throw new TemplateException(source, 0, "is empty; a template needs at least one heading");
    }
    return text;
  }

  /**
   * The text of a template's overrides file (YAML), held to the same size and encoding as a
   * template; it may be empty.
   */
  public static String yaml(String source, byte[] bytes) throws TemplateException {
    if (bytes.length > MAX_BYTES) {
      throw tooBig(source, "a template's overrides file", bytes.length + " bytes");
    }
    String text = Markdown.unixLines(utf8(source, bytes));
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The refusal of a file over the cap; {@code size} says how big it is, as far as known. */
  public static TemplateException tooBig(String source, String what, String size) {
    return new TemplateException(
        source, 0, "is " + size + "; " + what + " may be at most 1 MB (" + MAX_BYTES + " bytes)");
  }

  private static String utf8(String source, byte[] bytes) throws TemplateException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new TemplateException(
          source,
          line,
          String.format(
              "is not valid UTF-8 (byte 0x%02X at offset %d); save it as UTF-8",
              bytes[in.position()] & 0xFF, in.position()));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static boolean startsWith(byte[] bytes, int first, int second) {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second;
  }

  private static int lineAt(String text, int index) {
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }
}

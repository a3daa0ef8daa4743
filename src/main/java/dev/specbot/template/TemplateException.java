package dev.specbot.template;

/** A template that cannot be used, with the file and line that say why. */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String problem;

  /**
   * A problem in {@code source}; {@code line} is 1-based, or 0 when the problem is the whole file.
   */
  public TemplateException(String source, int line, String problem) {
    super(line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem);
    this.source = source;
    this.line = line;
    this.problem = problem;
  }

  public String source() {
    return source;
  }

  /** The 1-based line the problem is on, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  public String problem() {
    return problem;
  }
}

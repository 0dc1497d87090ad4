package dev.cau.plugin.windowsupdate;

import dev.cau.api.InvalidOptionsException;

/**
 * Thrown when a {@code QueryString} is not valid Windows Update Agent search criteria. It is
 * thrown when the plug-in is created, before any node is touched, and names the position (the
 * first character is 1) and the grammar rule the text breaks.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@SuppressWarnings("NotJavadoc")
public final class CriteriaException extends InvalidOptionsException {
  private static final long serialVersionUID = 1L;

  /** How much of a refused query the message repeats; the rest is elided. */
  private static final int SHOWN_CHARACTERS = 200;

  /** Where the problem is, the first character being 1. */
  private final int position;

  /** The rule the text breaks, as a sentence. */
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param option the argument's name as an administrator knows it
   * @param text the refused criteria
   * @param position where the problem is, the first character being 1
   * @param rule the rule the text breaks, as a sentence
   */
  public CriteriaException(String option, String text, int position, String rule) {
    super(option, shown(text), "Windows Update Agent search criteria (at position " + position + ": " + rule + ")");
    this.position = position;
    this.rule = rule;
  }

  /**
   * Returns where the problem is.
   *
   * @return the position, the first character being 1
   */
  public int position() {
    return position;
  }

  /**
   * Returns the rule the text breaks.
   *
   * @return the rule, as a sentence
   */
  public String rule() {
    return rule;
  }

  private static String shown(String text) {
    String head = text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "... ("
        + text.length() + " characters)";
    StringBuilder quoted = new StringBuilder("\"");
    head.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7F) {
        quoted.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
      } else {
        quoted.appendCodePoint(c);
      }
    });
    return quoted.append('"').toString();
  }
}

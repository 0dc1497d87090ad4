package dev.cau.plugin.hotfix;

import dev.cau.api.PluginFailureException;

/**
 * The hotfix configuration file is not one the plug-in accepts: it is too large, too deep, not
 * well-formed, holds a DTD or an entity, or breaks a rule of the schema. The message names the
 * file, the line, the element, the value and what is allowed. Nothing was installed.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@SuppressWarnings("NotJavadoc")
public final class HotfixConfigException extends PluginFailureException {
  private static final long serialVersionUID = 1L;

  /** The error id the exception carries. */
  public static final String ERROR_ID = "HotfixConfigurationInvalid";

  /** The line the problem is on, counting from 1; 0 for the whole file. */
  private final int line;

  /** The element the problem is in, without angle brackets; empty for the whole file. */
  private final String element;

  /**
   * Creates the exception.
   *
   * @param file the configuration file's name
   * @param line the line the problem is on, counting from 1; 0 when it concerns the whole file
   * @param element the element the problem is in, without angle brackets; empty for the whole file
   * @param problem what is wrong and what is allowed
   */
  public HotfixConfigException(String file, int line, String element, String problem) {
    super(ERROR_ID, "Hotfix configuration \"" + file + "\"" + (line > 0 ? ", line " + line : "")
        + (element.isEmpty() ? "" : ", <" + element + ">") + ": " + problem);
    this.line = line;
    this.element = element;
  }

  /**
   * Returns the line the problem is on.
   *
   * @return the line, counting from 1, or 0 for the whole file
   */
  public int line() {
    return line;
  }

  /**
   * Returns the element the problem is in.
   *
   * @return its name, or empty for the whole file
   */
  public String element() {
    return element;
  }
}

package dev.cau.plugin.hotfix;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Compares and checks file and folder names as Windows does, without Java's locale rules.
 *
 * <p>Windows compares names ordinally after upper-casing each UTF-16 unit with invariant, simple
 * (one-to-one) mappings: {@code ß} stays {@code ß} (Java's {@code toUpperCase} makes it
 * {@code SS}) and a Turkish locale changes nothing. We go one step further on purpose: a
 * character outside ASCII never matches an ASCII one, so that the Kelvin sign, the dotless
 * {@code ı} or the long {@code ſ} (which Java folds to {@code K}, {@code I} and {@code S}) cannot
 * make a folder look like {@code CAUHotfix_All} or a node's name. Such a name is a lookalike and
 * is ignored.
 */
final class WindowsNames {
  /** Characters Windows never allows in a name. */
  private static final String FORBIDDEN = "<>:\"/\\|?*";

  /**
   * Characters a name may not hold because {@code msiexec}, {@code wusa} or an installer's own
   * command-line parser could read them as syntax: {@code ;} separates patches for
   * {@code msiexec /update}, {@code =} sets a property, {@code %} and {@code !} expand variables,
   * {@code ^ & | < > `} are shell syntax, {@code "} quotes.
   */
  private static final String UNSAFE_FOR_INSTALLERS = ";=%!^&|<>`\"";

  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "COM\u00B9", "COM\u00B2", "COM\u00B3",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
      "LPT\u00B9", "LPT\u00B2", "LPT\u00B3", "CONIN$", "CONOUT$");

  /** The longest name a Windows folder or file may have. */
  static final int MAX_NAME_LENGTH = 255;

  private WindowsNames() {}

  /**
   * Upper-cases a name as Windows compares it: each UTF-16 unit by its simple mapping, with no
   * character outside ASCII mapped into ASCII.
   */
  static String upper(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      char u = Character.toUpperCase(c);
      out.append(c >= 0x80 && u < 0x80 ? c : u);
    }
    return out.toString();
  }

  /** Tells whether two names are the same name to Windows. */
  static boolean same(String a, String b) {
    return a.length() == b.length() && upper(a).equals(upper(b));
  }

  /**
   * Says why a name is not a plain Windows name that can be followed safely, or empty if it is
   * one: not empty, not {@code .} or {@code ..}, no forbidden or control character, no trailing
   * dot or space (Windows would strip them and reach another name), not a reserved device name,
   * at most 255 units.
   */
  static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("the name is empty");
    }
    if (name.equals(".") || name.equals("..")) {
      return Optional.of("\"" + name + "\" names a folder itself or its parent");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return Optional.of("the name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        return Optional.of("the name holds the control character U+" + String.format(Locale.ROOT, "%04X", (int) c));
      }
      if (FORBIDDEN.indexOf(c) >= 0) {
        return Optional.of("the name holds '" + c + "', which Windows does not allow");
      }
      if (Character.isSurrogate(c) && !validSurrogateAt(name, i)) {
        return Optional.of("the name holds an unpaired surrogate at index " + i);
      }
    }
    char last = name.charAt(name.length() - 1);
    if (last == '.' || last == ' ') {
      return Optional.of("the name ends with " + (last == '.' ? "a dot" : "a space")
          + ", which Windows strips, so it would reach another name");
    }
    String base = upper(name);
    int dot = base.indexOf('.');
    String stem = (dot < 0 ? base : base.substring(0, dot)).stripTrailing();
    if (RESERVED.contains(stem)) {
      return Optional.of("\"" + stem + "\" is a reserved Windows device name");
    }
    return Optional.empty();
  }

  /**
   * Says why a file name cannot be given to an installer safely, or empty if it can: a plain
   * Windows name without the characters installers' own command-line parsers treat as syntax,
   * and not starting with {@code -} or {@code /}, which would look like a switch.
   */
  static Optional<String> installerProblem(String name) {
    Optional<String> plain = problem(name);
    if (plain.isPresent()) {
      return plain;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (UNSAFE_FOR_INSTALLERS.indexOf(c) >= 0) {
        return Optional.of("the name holds '" + c + "', which installers' command-line parsers read as syntax");
      }
    }
    if (name.startsWith("-")) {
      return Optional.of("the name starts with '-', which an installer would read as a switch");
    }
    return Optional.empty();
  }

  /** The extension of a file name, upper-cased, without its dot; empty if it has none. */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? "" : upper(name.substring(dot + 1));
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}

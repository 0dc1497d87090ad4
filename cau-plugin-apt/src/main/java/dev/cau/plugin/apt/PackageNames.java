package dev.cau.plugin.apt;

import java.util.regex.Pattern;

/** Debian's syntax for package names and versions, as the plug-in checks them. */
final class PackageNames {
  /** Debian Policy 5.6.1: lower-case letters, digits, {@code + - .}; two or more; starts alphanumeric. */
  static final String NAME_RULE = "[a-z0-9][a-z0-9+.-]+";

  private static final Pattern NAME = Pattern.compile(NAME_RULE);

  /** A name as apt prints it: a package name, with an architecture qualifier for a foreign one. */
  private static final Pattern QUALIFIED_NAME = Pattern.compile(NAME_RULE + "(:[a-z0-9][a-z0-9-]*)?");

  /**
   * Debian Policy 5.6.12: an optional epoch and colon, then letters, digits and {@code . + ~ - :}.
   * The first character is alphanumeric, so no version reads as an option.
   */
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+~:-]*");

  /** The longest name or version accepted; apt's own limit is far beyond any real package. */
  static final int MAX_LENGTH = 256;

  private PackageNames() {}

  static boolean isName(String value) {
    return value.length() <= MAX_LENGTH && NAME.matcher(value).matches();
  }

  static boolean isQualifiedName(String value) {
    return value.length() <= MAX_LENGTH && QUALIFIED_NAME.matcher(value).matches();
  }

  static boolean isVersion(String value) {
    return value.length() <= MAX_LENGTH && VERSION.matcher(value).matches();
  }

  /** Returns the package name without its architecture qualifier ({@code libc6:i386} is {@code libc6}). */
  static String baseName(String qualified) {
    int colon = qualified.indexOf(':');
    return colon < 0 ? qualified : qualified.substring(0, colon);
  }
}

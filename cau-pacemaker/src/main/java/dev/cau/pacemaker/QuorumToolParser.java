package dev.cau.pacemaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text of {@code corosync-quorumtool -s}, bounded in size and lines. */
final class QuorumToolParser {
  /** The largest output read; a membership table of hundreds of nodes fits. */
  static final int MAX_CHARS = 256 * 1024;

  private static final Pattern FIELD = Pattern.compile("^([A-Za-z ]+):\\s*(.*?)\\s*$");
  private static final Pattern MEMBER = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(local\\))?\\s*$");

  private QuorumToolParser() {}

  /**
   * Parses one output.
   *
   * @param text the program's standard output
   * @return the vote facts
   * @throws IllegalArgumentException if it is too large or lacks a vote field
   */
  static QuorumStatus parse(String text) {
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException("corosync-quorumtool's output has " + text.length()
          + " characters, more than the " + MAX_CHARS + " read");
    }
    Integer expected = null;
    Integer total = null;
    Integer quorum = null;
    Boolean quorate = null;
    boolean inMembers = false;
    List<QuorumStatus.Member> members = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (inMembers) {
        Matcher m = MEMBER.matcher(line);
        if (m.matches()) {
          members.add(new QuorumStatus.Member(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
        }
        continue;
      }
      if (line.trim().startsWith("Nodeid")) {
        inMembers = true;
        continue;
      }
      Matcher f = FIELD.matcher(line);
      if (!f.matches()) {
        continue;
      }
      String value = f.group(2);
      switch (f.group(1).trim().toLowerCase(Locale.ROOT)) {
        case "expected votes" -> expected = number("Expected votes", value);
        case "total votes" -> total = number("Total votes", value);
        case "quorum" -> quorum = number("Quorum", firstWord(value));
        case "quorate" -> quorate = value.equalsIgnoreCase("yes");
        default -> { }
      }
    }
    if (expected == null || total == null || quorum == null || quorate == null) {
      throw new IllegalArgumentException("corosync-quorumtool's output lacks "
          + (expected == null ? "\"Expected votes\"" : total == null ? "\"Total votes\""
          : quorum == null ? "\"Quorum\"" : "\"Quorate\""));
    }
    return new QuorumStatus(expected, total, quorum, quorate, members);
  }

  private static String firstWord(String value) {
    int space = value.indexOf(' ');
    return space < 0 ? value : value.substring(0, space);
  }

  private static int number(String field, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("corosync-quorumtool's \"" + field + "\" is \"" + value + "\", not a number", e);
    }
  }
}

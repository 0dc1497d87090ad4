package dev.cau.transport.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded argument lists built from the pieces that break naive quoting: quotes of every kind,
 * command substitution, separators, line ends, globs, leading dashes, Unicode quotes and very long
 * values. The same seed gives the same lists.
 */
final class HostileArguments {
  private static final List<String> PIECES = List.of(
      "'", "\"", "`", "$(id)", "`id`", "${HOME}", "$HOME", "$1", "$@", ";", "&", "&&", "|", "||", "\n", "\r\n",
      "\r", "*", "?", "[a-z]", "{a,b}", "~", "-", "--", "-rf", "--help", "\\", "\\'", "\\\"", "\u2018", "\u2019",
      "\u201c", "\u201d", "\u00e9", "\u65e5\u672c", "\ud83d\ude00", " ", "\t", "#", "!", "<", ">", ">>", "%s", "%",
      "%n", "\u00a0", "'\\''", "\"'\"", "exit 3", "x");

  private final SplittableRandom random;

  HostileArguments(long seed) {
    this.random = new SplittableRandom(seed);
  }

  List<String> next() {
    int count = 1 + random.nextInt(6);
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      arguments.add(value());
    }
    return arguments;
  }

  private String value() {
    int kind = random.nextInt(20);
    if (kind == 0) {
      return "";
    }
    int pieces = kind == 1 ? 2_000 : 1 + random.nextInt(8);
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      value.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return value.toString();
  }
}

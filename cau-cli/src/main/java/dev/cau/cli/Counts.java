package dev.cau.cli;

/** States a count with its noun in the right number: "1 node", "2 nodes". */
final class Counts {
  private Counts() {}

  /**
   * Returns the count and the noun, plural unless the count is 1.
   *
   * @param count how many
   * @param noun the singular noun, made plural with an "s"
   * @return for example {@code "1 update"} or {@code "0 updates"}
   */
  static String of(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}

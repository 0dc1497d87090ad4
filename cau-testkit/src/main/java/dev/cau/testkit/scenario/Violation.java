package dev.cau.testkit.scenario;

/**
 * One moment a safety invariant did not hold.
 *
 * @param invariant which invariant, by its short name
 * @param where the step, change or event where it broke
 * @param detail what was wrong
 */
public record Violation(String invariant, String where, String detail) {
  @Override
  public String toString() {
    return invariant + " at " + where + ": " + detail;
  }
}

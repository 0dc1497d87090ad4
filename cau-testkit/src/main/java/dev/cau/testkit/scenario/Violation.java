package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One moment a safety invariant did not hold.
 *
 * @param invariant which invariant, by its short name
 * @param where the step, change or event where it broke
 * @param detail what was wrong
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Violation(String invariant, String where, String detail) {
  @Override
  public String toString() {
    return invariant + " at " + where + ": " + detail;
  }
}

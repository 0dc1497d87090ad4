package dev.cau.core.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * States a count with its noun in the right number, so that no message says "1 nodes".
 *
 * <p>Every message of cau4j that states a count words it here: "1 node", "2 nodes", "0 updates",
 * "1 of 3 nodes". Nouns whose plural is not made with an "s" are given both forms.
 *
 * <pre>{@code
 * Counts.of(1, "node");                  // "1 node"
 * Counts.of(2, "retry", "retries");      // "2 retries"
 * Counts.ofTotal(1, 3, "update");        // "1 of 3 updates"
 * Counts.of(1, "update") + " " + Counts.inNumber(1, "was", "were"); // "1 update was"
 * }</pre>
 *
 * <p>The methods are pure and safe to call from any thread.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Counts {
  private Counts() {}

  /**
   * Returns the count and the noun, plural with an "s" unless the count is exactly 1.
   *
   * @param count how many; may be zero or negative, which take the plural
   * @param noun the singular noun, such as {@code "node"}; not blank
   * @return for example {@code "1 node"} or {@code "0 nodes"}
   * @throws IllegalArgumentException if the noun is blank
   */
  public static String of(long count, String noun) {
    return of(count, noun, checked(noun, "noun") + "s");
  }

  /**
   * Returns the count and the noun in the form that fits it.
   *
   * @param count how many; may be zero or negative, which take the plural
   * @param singular the noun for exactly one, such as {@code "retry"}; not blank
   * @param plural the noun for any other count, such as {@code "retries"}; not blank
   * @return for example {@code "1 retry"} or {@code "3 retries"}
   * @throws IllegalArgumentException if a form is blank
   */
  public static String of(long count, String singular, String plural) {
    return count + " " + inNumber(count, singular, plural);
  }

  /**
   * Returns a part of a total and the noun, in the number the total asks for.
   *
   * @param part how many of the total, such as the failed ones
   * @param total how many there are in all
   * @param noun the singular noun, made plural with an "s"; not blank
   * @return for example {@code "1 of 1 update"} or {@code "1 of 3 updates"}
   * @throws IllegalArgumentException if the noun is blank
   */
  public static String ofTotal(long part, long total, String noun) {
    return part + " of " + of(total, noun);
  }

  /**
   * Returns the word that agrees with a count, without the count: a noun or a verb.
   *
   * @param count how many
   * @param singular the word for exactly one, such as {@code "was"}; not blank
   * @param plural the word for any other count, such as {@code "were"}; not blank
   * @return {@code singular} if the count is 1, {@code plural} otherwise
   * @throws IllegalArgumentException if a form is blank
   */
  public static String inNumber(long count, String singular, String plural) {
    checked(singular, "singular");
    checked(plural, "plural");
    return count == 1 ? singular : plural;
  }

  private static String checked(String word, String what) {
    Objects.requireNonNull(word, what);
    if (word.isBlank()) {
      throw new IllegalArgumentException("The " + what + " must not be blank, but was \"" + word + "\"");
    }
    return word;
  }
}

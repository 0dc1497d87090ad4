package dev.cau.core.engine;

import dev.cau.api.plugin.Update;
import java.util.Comparator;
import java.util.List;

/** Removes known secret values from text before it reaches a journal, an event or a log. */
public final class SecretScrubber {
  private static final String MASK = "********";
  private final List<String> secrets;

  /**
   * Creates a scrubber.
   *
   * @param secrets the values to remove; blank ones are ignored
   */
  public SecretScrubber(List<String> secrets) {
    // Longest first, so that a secret containing another is masked whole.
    this.secrets = secrets.stream()
        .filter(s -> !s.isBlank())
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /**
   * Masks every secret in a text.
   *
   * @param text any text
   * @return the text with each secret replaced by a mask
   */
  public String scrub(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /**
   * Masks every secret in an update's title and description, the texts a plug-in writes. The id
   * is kept: the plug-in gets it back to install.
   *
   * @param update an update as a plug-in gave it
   * @return the update itself when it holds no secret, else a copy with the secrets masked
   */
  public Update scrub(Update update) {
    String title = scrub(update.title());
    String description = scrub(update.description());
    return title.equals(update.title()) && description.equals(update.description())
        ? update
        : new Update(update.id(), title, description, update.facts());
  }
}

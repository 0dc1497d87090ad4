package dev.cau.core.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a stored record cannot be decoded: it is not JSON, is too large or too deeply nested,
 * has a newer format version, or has a field that is missing, of the wrong type, or holds a value
 * that is not allowed (an unknown type or enum constant, a value its type refuses).
 *
 * <p>The message names the field, such as {@code input.snapshot.nodes[1].voteWeight}, and says what
 * was wrong with it; {@link #field()} returns the same path.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = EXPERIMENTAL, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public final class JournalFormatException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The path of the field that is wrong, or null when the record as a whole is wrong. */
  private final @Nullable String field;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where, with names and values in quotes
   * @param field the path of the field that is wrong, such as {@code input.at}; {@code null} when
   *     the record as a whole is wrong (not JSON, too large)
   * @param cause the underlying failure, or {@code null} if there is none
   */
  public JournalFormatException(String message, @Nullable String field, @Nullable Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /**
   * Returns the path of the field that is wrong.
   *
   * @return a path such as {@code input.snapshot.nodes[1].voteWeight}; empty when the record as a
   *     whole is wrong
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}

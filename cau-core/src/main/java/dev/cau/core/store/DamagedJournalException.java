package dev.cau.core.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import dev.cau.api.RunId;
import org.apiguardian.api.API;

/**
 * Thrown when a {@link FileRunStore} finds a journal it cannot use as it is: a record in it is
 * damaged (not a tail torn by a crash), it is not a regular file (a symbolic link, say), or it
 * cannot be opened as one.
 *
 * <p>Nothing was changed: the records after the damage are still in the file. The message names
 * the run, the file, the record and its byte offset, and what is wrong. {@link
 * FileRunStore#setAside(RunId)} moves such a journal aside, keeping every byte, so that a new run
 * can start.
 */
// The Javadoc comments on the fields document the serialized form (the javadoc tool reads them).
@API(status = EXPERIMENTAL, since = "0.1.0")
@SuppressWarnings("NotJavadoc")
public final class DamagedJournalException extends CauException {
  private static final long serialVersionUID = 1L;

  /** The run whose journal is damaged. */
  @SuppressWarnings("serial") // a record around a UUID
  private final RunId runId;

  /**
   * Creates the exception.
   *
   * @param runId the run whose journal is damaged
   * @param message what is wrong and where
   */
  public DamagedJournalException(RunId runId, String message) {
    super(message);
    this.runId = runId;
  }

  /**
   * Returns the run whose journal is damaged.
   *
   * @return the run id
   */
  public RunId runId() {
    return runId;
  }
}

package dev.cau.core;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.CauException;
import dev.cau.api.RunId;
import dev.cau.api.result.RunResult;
import dev.cau.core.journal.RunJournal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A run that has started. Thread-safe.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class UpdatingRun {
  private final RunId runId;
  private final RunJournal journal;
  private final CompletableFuture<RunResult> completion;
  private final Predicate<String> canceller;

  UpdatingRun(RunId runId, RunJournal journal, CompletableFuture<RunResult> completion, Predicate<String> canceller) {
    this.runId = runId;
    this.journal = journal;
    this.completion = completion;
    this.canceller = canceller;
  }

  /**
   * Asks the run to stop, like {@code Stop-CauRun}, and returns as soon as the request is taken.
   * Nodes not yet started end Canceled; the node in progress is brought back to service (resumed
   * with failback) before the run ends Canceled. An offline update canceled before it stopped the
   * cluster ends at once; once it has stopped the cluster, the steps in progress finish (a
   * restarting node is waited for) and the cluster is started again before the run ends
   * Canceled. Wait for that with {@link #await()}.
   *
   * @return {@code true} if the request was taken, {@code false} if the run had already ended
   */
  public boolean cancel() {
    return canceller.test("Canceled on request");
  }

  /**
   * Returns the run's id.
   *
   * @return the run id
   */
  public RunId runId() {
    return runId;
  }

  /**
   * Returns the journal the run writes its inputs to.
   *
   * @return the journal
   */
  public RunJournal journal() {
    return journal;
  }

  /**
   * Returns the run's result as a future, completed when the run ends.
   *
   * @return a future that completes with the result; exceptionally only if the engine fails
   */
  public CompletableFuture<RunResult> completion() {
    return completion.copy();
  }

  /**
   * Waits for the run to end. Every wait inside a run has a timeout, so a run always ends.
   *
   * @return the result
   * @throws CauException if the engine itself failed, or ({@link dev.cau.api.LeaseLostException}) the
   *     coordinator lost its lease to another and stopped
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public RunResult await() throws InterruptedException {
    try {
      return completion.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof CauException known) {
        throw known; // a lost lease, for one: the message says it all
      }
      throw new CauException("Run " + runId + " failed inside the engine: " + cause.getMessage(), cause);
    }
  }
}

package dev.cau.core.engine;

import dev.cau.api.result.RunResult;
import dev.cau.core.journal.RunInput;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state machine of one run, which a {@link RunDriver} drives: given an input, it updates the
 * run's state and returns the commands to carry out next.
 *
 * <p>Implementations do no I/O and read no clock: every instant comes with an input, so that fed
 * the same inputs, two machines return the same commands. They are not thread-safe; the driver
 * feeds them one input at a time.
 */
public interface RunMachine {
  /**
   * Applies one input and returns what to do next. Once the run is over, every input is ignored
   * and the answer is empty.
   *
   * @param input the input
   * @return the commands, in the order to carry them out
   */
  List<Command> apply(RunInput input);

  /**
   * Tells whether the run is over.
   *
   * @return {@code true} once the machine has produced its {@link Command.Finish}
   */
  boolean isFinished();

  /**
   * Returns the run's result once it is over.
   *
   * @return the result, or {@code null} while the run goes on
   */
  @Nullable RunResult result();
}

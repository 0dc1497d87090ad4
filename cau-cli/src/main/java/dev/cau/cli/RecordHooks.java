package dev.cau.cli;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.testkit.cluster.ForwardingRunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Test hooks that stop this process at a chosen journal record, so that tests of real processes
 * (a crash, a second process against a live run) can hit an exact point without timing.
 *
 * <p>With {@code CAU_TEST_HALT_AFTER_RECORD=N} in the environment, the process halts at once, as a
 * crash or {@code kill -9} would (no shutdown hooks, nothing flushed, the store's lock released by
 * the operating system), right after the Nth record it appended is durable; its exit code is
 * {@value #HALT_STATUS}. With {@code CAU_TEST_PAUSE_AFTER_RECORD=N}, it prints {@value #PAUSED}
 * and N on a line of its standard error and waits, holding the store's lock, until a line (or the
 * end) arrives on its standard input. Records are counted from the first this process appends.
 * Without these variables the store is used as it is.
 */
final class RecordHooks {
  /** The exit code of a process halted by the hook. */
  static final int HALT_STATUS = 97;

  /** What a paused process prints before the record number. */
  static final String PAUSED = "cau-test: paused after record ";

  static final String HALT_VARIABLE = "CAU_TEST_HALT_AFTER_RECORD";
  static final String PAUSE_VARIABLE = "CAU_TEST_PAUSE_AFTER_RECORD";

  private RecordHooks() {}

  /**
   * Returns the store with the hooks the environment asks for.
   *
   * @param store the store
   * @return the store itself, or a store that halts or pauses after a record
   * @throws InputRefused if a hook variable is not a positive number
   */
  static RunStore around(RunStore store) {
    return around(store, System.getenv(), System.in, System.err);
  }

  static RunStore around(RunStore store, Map<String, String> environment, InputStream in, PrintStream err) {
    Integer halt = recordNumber(environment, HALT_VARIABLE);
    Integer pause = recordNumber(environment, PAUSE_VARIABLE);
    if (halt == null && pause == null) {
      return store;
    }
    return new ForwardingRunStore(store) {
      private int appended;

      @Override
      public synchronized void append(RunId runId, String record) {
        super.append(runId, record);
        appended++;
        if (halt != null && appended == halt) {
          Runtime.getRuntime().halt(HALT_STATUS);
        }
        if (pause != null && appended == pause) {
          err.println(PAUSED + appended);
          err.flush();
          try {
            while (true) {
              int read = in.read();
              if (read < 0 || read == '\n') {
                break;
              }
            }
          } catch (IOException e) {
            // An unreadable input ends the pause, as its end does.
          }
        }
      }
    };
  }

  private static @Nullable Integer recordNumber(Map<String, String> environment, String variable) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InputRefused("The test hook \"" + variable + "\" must be a record number from 1, but was \"" + value + "\"");
  }
}

package dev.cau.pacemaker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a failed lab test leaves in {@code target/lab-runs}, without the lab: fixture tests run
 * through the JUnit engine against a temporary folder standing in for the lab's state directory.
 */
class LabLogsOnFailureTests {
  /** The fixtures' paths: they run inside this test, one at a time, through the engine. */
  private static Path state;
  private static Path runs;

  @TempDir Path temp;

  @BeforeEach
  void lab() throws IOException {
    state = Files.createDirectories(temp.resolve("state"));
    runs = temp.resolve("lab-runs");
    Files.writeString(state.resolve("supervisor.log"), "node2 corosync exited\n", UTF_8);
    Files.writeString(state.resolve("events.log"), "1765000000.1 boot node1 b1\n", UTF_8);
    Files.writeString(state.resolve("lab.json"), "{}", UTF_8);
  }

  @Test
  void aFailedTestKeepsBothLogsAsTheyWereWhenItFailedBeforeTheLabIsRestored() throws IOException {
    run(FailingLab.class).testEvents().assertStatistics(s -> s.failed(1));

    Path kept = runs.resolve("FailingLab.failsAfterAnEvent");
    assertThat(Files.readString(kept.resolve("events.log"), UTF_8))
        .isEqualTo("1765000000.1 boot node1 b1\n1765000000.2 kill node2\n");
    assertThat(Files.readString(kept.resolve("supervisor.log"), UTF_8)).isEqualTo("node2 corosync exited\n");
    try (var files = Files.list(kept)) {
      assertThat(files).as("only the two logs").hasSize(2);
    }
  }

  @Test
  void aPassingTestKeepsNothing() {
    run(PassingLab.class).testEvents().assertStatistics(s -> s.succeeded(1));

    assertThat(runs).doesNotExist();
  }

  @Test
  void aTestThatFailsWhileTheLabIsRestoredKeepsTheLogsToo() throws IOException {
    run(FailingRestoreLab.class).testEvents().assertStatistics(s -> s.failed(1));

    assertThat(Files.readString(runs.resolve("FailingRestoreLab.passes/events.log"), UTF_8))
        .endsWith("restore failed\n");
  }

  @Test
  void aLogTheLabHasNotWrittenIsLeftOutAndAnOlderCopyOfItRemoved() throws IOException {
    Path kept = Files.createDirectories(runs.resolve("FailingLab.failsAfterAnEvent"));
    Files.writeString(kept.resolve("supervisor.log"), "an earlier run's log", UTF_8);
    Files.delete(state.resolve("supervisor.log"));

    run(FailingLab.class).testEvents().assertStatistics(s -> s.failed(1));

    assertThat(kept.resolve("events.log")).exists();
    assertThat(kept.resolve("supervisor.log")).doesNotExist();
  }

  @Test
  void aLabWithoutStateStillReportsTheTestsOwnFailure() throws IOException {
    Files.walk(state).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());

    run(FailingLab.class).testEvents()
        .assertStatistics(s -> s.failed(1))
        .failed().assertThatEvents().singleElement()
        .satisfies(e -> assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable))
            .hasValueSatisfying(t -> assertThat(t).hasMessage("the run failed")));
  }

  @Test
  void eachFailedInvocationOfARepeatedTestKeepsItsOwnCopyInAFolderNamedSafely() {
    run(FailingParameterizedLab.class).testEvents().assertStatistics(s -> s.failed(2));

    try (var folders = Files.list(runs)) {
      assertThat(folders.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("FailingParameterizedLab.fails_[1]_node1", "FailingParameterizedLab.fails_[2]____a_b");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  /** Fixture: fails after the lab logged an event; restoring the lab afterwards logs more. */
  static class FailingLab {
    @RegisterExtension final LabLogsOnFailure logs = new LabLogsOnFailure(state, runs);

    @Test
    void failsAfterAnEvent() throws IOException {
      if (Files.exists(state)) {
        Files.writeString(state.resolve("events.log"), "1765000000.2 kill node2\n", UTF_8,
            java.nio.file.StandardOpenOption.APPEND);
      }
      throw new AssertionError("the run failed");
    }

    @AfterEach
    void restore() throws IOException {
      if (Files.exists(state)) {
        Files.writeString(state.resolve("events.log"), "1765000000.3 start node2\n", UTF_8,
            java.nio.file.StandardOpenOption.APPEND);
      }
    }
  }

  /** Fixture: passes. */
  static class PassingLab {
    @RegisterExtension final LabLogsOnFailure logs = new LabLogsOnFailure(state, runs);

    @Test
    void passes() {}
  }

  /** Fixture: the test passes, restoring the lab fails. */
  static class FailingRestoreLab {
    @RegisterExtension final LabLogsOnFailure logs = new LabLogsOnFailure(state, runs);

    @Test
    void passes() {}

    @AfterEach
    void restore() throws IOException {
      Files.writeString(state.resolve("events.log"), "restore failed\n", UTF_8, java.nio.file.StandardOpenOption.APPEND);
      throw new AssertionError("the lab did not become healthy");
    }
  }

  /** Fixture: each invocation fails, one with a display name that would leave the folder. */
  static class FailingParameterizedLab {
    @RegisterExtension final LabLogsOnFailure logs = new LabLogsOnFailure(state, runs);

    @ParameterizedTest
    @ValueSource(strings = {"node1", "../a/b"})
    void fails(String node) {
      throw new AssertionError(node);
    }
  }
}

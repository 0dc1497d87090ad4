package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.RunEvent;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.store.FileRunStore;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills run stores for the tests: runs through the command, an interrupted run, a damaged report. */
final class RunStores {
  /** The name of the coordinator that leaves an interrupted run behind. */
  static final String CRASHED_COORDINATOR = "crashed-coordinator";

  private static final Pattern RUN_ID = Pattern.compile("(?m)^Run id:   (\\S+)$");

  private RunStores() {}

  /**
   * Runs {@code cau run --store} once and returns the run's id.
   *
   * @param store the store's directory
   * @return the id the command printed
   */
  static String run(Path store) {
    Cau.Outcome outcome = Cau.execute("run", "--store", store.toString());
    assertThat(outcome.exitCode()).as("cau run --store, which printed:%n%s%s", outcome.out(), outcome.err()).isZero();
    return runId(outcome);
  }

  /**
   * Returns the run id a command printed on its {@code Run id:} line.
   *
   * @param outcome what the command printed
   * @return the id
   */
  static String runId(Cau.Outcome outcome) {
    Matcher m = RUN_ID.matcher(outcome.out());
    assertThat(m.find()).as("a 'Run id:' line in:%n%s", outcome.out()).isTrue();
    return m.group(1);
  }

  /**
   * Leaves a run in a store whose coordinator crashed right after it finished its first node
   * (node-4), so that the run has a journal and no report.
   *
   * @param store the store's directory
   * @return the run's id
   */
  static RunId interruptedRun(Path store) {
    SimulatedCluster cluster = DemoCluster.create(DemoCluster.FIRST_WINDOW);
    List<RunEvent> events = new ArrayList<>();
    FileRunStore files = new FileRunStore(store);
    SimulatedCoordinator coordinator = SimulatedCoordinator
        .builder(cluster, CoordinatorIdentity.remote(CRASHED_COORDINATOR, "lab-host"))
        .plugins(List.of(DemoRuns.WINDOWS_UPDATE))
        .runStore(files)
        .listener(events::add)
        .build();
    UpdatingRun run = coordinator.coordinator().start(RunOptions.builder().build());
    assertThat(cluster.simulator().runUntil(() -> events.stream().anyMatch(NodeFinished.class::isInstance)))
        .as("the run finished a node").isTrue();
    coordinator.crash();
    files.close(); // the crashed coordinator's process ends, and its lock on the store with it
    return run.runId();
  }

  /**
   * Overwrites a run's report with text that is not a report.
   *
   * @param store the store's directory
   * @param runId the run
   */
  static void damageReport(Path store, String runId) throws IOException {
    Path report = store.resolve("runs").resolve(runId + ".report");
    assertThat(report).exists();
    Files.writeString(report, "{\"this is\": \"not a report\"", StandardCharsets.UTF_8);
  }
}

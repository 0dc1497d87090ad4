package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.event.RunEvent;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.report.ReportExporter;
import dev.cau.core.report.ReportSummary;
import dev.cau.core.report.RunHistory;
import dev.cau.core.status.NodeStatusNotification;
import dev.cau.core.status.RunState;
import dev.cau.core.status.RunStatus;
import dev.cau.core.store.FileRunStore;
import dev.cau.testkit.cluster.ForwardingRunStore;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run kept in a file store survives a damaged journal; its status and history read back. */
class DurableRunTests {
  private static final RunOptions OPTIONS = Simulation.options().build();

  @TempDir Path directory;

  private final SimulatedCluster cluster = Clusters.cluster(4, true).build();

  @Test
  void aTornJournalTailIsDetectedReportedAndCutAndTheRunResumesFromTheLastIntactEntry() throws IOException {
    Crashed crash = crashWhileANodeIsSuspended(1);
    Path journal = directory.resolve("runs").resolve(crash.runId() + ".journal");
    long intact = Files.size(journal);
    // The crash tore the next record: half of it reached the disk.
    Files.writeString(journal, "212 0badcafe {\"v\":1,\"type\":\"ent", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    Resumed resumed = resumeFromFiles();

    assertThat(resumed.warnings()).anySatisfy(w -> assertThat(w)
        .contains("The run's journal was damaged and cut")
        .contains("is torn")
        .contains("the run resumes from the last intact entry"));
    assertThat(resumed.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(resumed.result().coordinators()).containsExactly("alice", "bob");
    assertThat(resumed.entriesReplayed()).isEqualTo(crash.entries());
    assertThat(Files.size(journal)).isGreaterThan(intact); // appended after the cut
    everyNodeUpdatedOnceAndUp();
  }

  @Test
  void aCorruptLastRecordIsCutAndItsStepIsRepeatedSafely() throws IOException {
    Crashed crash = crashWhileANodeIsSuspended(2);
    Path journal = directory.resolve("runs").resolve(crash.runId() + ".journal");
    List<String> lines = new ArrayList<>(Files.readAllLines(journal, StandardCharsets.UTF_8));
    String last = lines.get(lines.size() - 1);
    lines.set(lines.size() - 1, last.replace("\"at\":\"", "\"at\":\"X").substring(0, last.length()));
    Files.write(journal, lines, StandardCharsets.UTF_8);

    Resumed resumed = resumeFromFiles();

    assertThat(resumed.warnings()).anySatisfy(w -> assertThat(w).contains("Record " + (crash.entries() + 1)).contains("cut"));
    assertThat(resumed.entriesReplayed()).isEqualTo(crash.entries() - 1);
    assertThat(resumed.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    everyNodeUpdatedOnceAndUp();
  }

  @Test
  void statusReadMidRunByAnotherCoordinatorMatchesTheRunsState() {
    SimulatedCoordinator alice = coordinator("alice", cluster.store());
    SimulatedCoordinator bob = coordinator("bob", cluster.store());
    assertThat(bob.coordinator().status()).isEqualTo(RunStatus.notInProgress("c4"));

    UpdatingRun run = alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(() -> alice.events().stream().filter(e -> e instanceof NodeFinished).count() == 2);
    RunStatus status = bob.coordinator().status();

    assertThat(status.state()).isEqualTo(RunState.RUN_IN_PROGRESS);
    assertThat(status.state().cauName()).isEqualTo("RunInProgress");
    assertThat(status.runId()).isEqualTo(run.runId());
    assertThat(status.coordinator()).isEqualTo("alice");
    assertThat(status.detail()).contains("Coordinator alice on admin-1 holds the run lock");
    assertThat(status.nodeResults()).containsExactlyElementsOf(alice.events().stream()
        .filter(e -> e instanceof NodeFinished).map(e -> ((NodeFinished) e).result()).toList());
    assertThat(status.notifications()).containsExactlyInAnyOrderElementsOf(latestPerNode(alice.events()).values());
    assertThat(status.notifications()).extracting(NodeStatusNotification::status).contains("Succeeded");
  }

  @Test
  void waitingForCompletionReceivesEachNewStatusUntilTheRunEnds() {
    SimulatedCoordinator alice = coordinator("alice", cluster.store());
    SimulatedCoordinator watcher = coordinator("watcher", cluster.store());
    UpdatingRun run = alice.coordinator().start(OPTIONS);
    List<RunStatus> updates = new ArrayList<>();

    var done = watcher.coordinator().awaitCompletion(Duration.ofMinutes(5), updates::add);
    cluster.simulator().runUntil(() -> done.isDone() && run.completion().isDone());

    assertThat(done.join().state()).isEqualTo(RunState.RUN_NOT_IN_PROGRESS);
    assertThat(updates.get(0).state()).isEqualTo(RunState.RUN_IN_PROGRESS);
    assertThat(updates).hasSizeGreaterThan(5);
    for (int i = 1; i < updates.size() - 1; i++) {
      assertThat(updates.get(i)).isNotEqualTo(updates.get(i - 1));
      assertThat(updates.get(i).nodeResults()).hasSizeGreaterThanOrEqualTo(updates.get(i - 1).nodeResults().size());
    }
    assertThat(updates.get(updates.size() - 2).nodeResults()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void historyKeepsEveryFinishedRunAndExportsTheLastOneAsHtml() {
    SimulatedCoordinator alice = coordinator("alice", cluster.store());
    UpdatingRun first = alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(first.completion()::isDone);
    cluster.simulator().schedule(cluster.simulator().now().plus(Duration.ofDays(7)), () -> { });
    cluster.simulator().runUntil(() -> false);
    UpdatingRun second = alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(second.completion()::isDone);

    RunHistory history = coordinator("reader", cluster.store()).coordinator().history();

    assertThat(history.reports()).containsExactly(first.completion().join(), second.completion().join());
    assertThat(history.last()).contains(second.completion().join());
    assertThat(history.between(first.completion().join().startedAt(), first.completion().join().finishedAt()))
        .containsExactly(first.completion().join());
    assertThat(history.summaries()).extracting(ReportSummary::status)
        .containsExactly(SummaryStatus.SUCCEEDED, SummaryStatus.SUCCEEDED);
    assertThat(history.summaries().get(1).succeededUpdates()).isZero(); // nothing left to install
    assertThat(history.unreadable()).isEmpty();
    String html = ReportExporter.toHtml(List.of(history.last().orElseThrow()), ZoneId.of("Europe/Paris"));
    assertThat(html).contains("c4");
    first.completion().join().nodeResults().forEach(n -> assertThat(html).contains(n.node()));
  }

  @Test
  void anUnreadableReportIsNamedNotSkippedAndCanBeCleared() {
    SimulatedCoordinator alice = coordinator("alice", cluster.store());
    UpdatingRun run = alice.coordinator().start(OPTIONS);
    cluster.simulator().runUntil(run.completion()::isDone);
    cluster.store().putReport(run.runId(), "{\"v\":1,\"type\":\"result\"");
    RunHistory history = alice.coordinator().history();

    assertThat(history.reports()).isEmpty();
    assertThat(history.unreadable()).singleElement().asString().contains("Run " + run.runId());
    assertThat(history.clearUnreadable()).isEqualTo(1);
    assertThat(cluster.store().runs()).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private record Resumed(RunResult result, List<String> warnings, int entriesReplayed) {}

  private record Crashed(RunId runId, int entries) {}

  /**
   * Runs alice on the file store until a node is suspended and she has acted on the given number
   * of entries after that, then kills her before the next entry is written.
   */
  private Crashed crashWhileANodeIsSuspended(int entriesAfterSuspend) {
    RunId[] run = new RunId[1];
    int[] crashedAt = new int[1];
    int[] suspendedAt = {-1};
    SimulatedCoordinator[] alice = new SimulatedCoordinator[1];
    FileRunStore files = new FileRunStore(directory);
    RunStore crashing = new ForwardingRunStore(files) {
      @Override
      public void append(RunId runId, String record) {
        int entries = journal(runId).records().size() - 1;
        boolean suspended = cluster.snapshot().nodes().stream().anyMatch(n -> n.state() == NodeState.PAUSED);
        if (suspended && suspendedAt[0] < 0) {
          suspendedAt[0] = entries;
        }
        if (suspendedAt[0] >= 0 && entries == suspendedAt[0] + entriesAfterSuspend && alice[0].isAlive()) {
          crashedAt[0] = entries;
          alice[0].crash();
          files.close(); // her process ends, and its lock on the store with it
          throw new IllegalStateException("simulated crash");
        }
        super.append(runId, record);
      }
    };
    alice[0] = coordinator("alice", crashing);
    UpdatingRun started = alice[0].coordinator().start(OPTIONS);
    run[0] = started.runId();
    cluster.simulator().runUntil(() -> !alice[0].isAlive());
    assertThat(cluster.snapshot().nodes()).as("a node is left suspended by the crash")
        .anySatisfy(n -> assertThat(n.state()).isNotEqualTo(NodeState.UP));
    return new Crashed(run[0], crashedAt[0]);
  }

  /** Bob, with a fresh store over the same files, takes the run over once alice's lease expired. */
  private Resumed resumeFromFiles() {
    SimulatedCoordinator bob = coordinator("bob", new FileRunStore(directory));
    UpdatingRun[] resumed = new UpdatingRun[1];
    cluster.simulator().schedule(cluster.simulator().now().plus(Duration.ofHours(1)).plusSeconds(1),
        () -> resumed[0] = bob.coordinator().resume(OPTIONS));
    cluster.simulator().runUntil(() -> resumed[0] != null && resumed[0].completion().isDone());
    List<String> warnings = bob.events().stream()
        .filter(e -> e instanceof OperationMessage m && m.warning()).map(e -> ((OperationMessage) e).message()).toList();
    int replayed = (int) resumed[0].journal().entries().stream()
        .takeWhile(e -> !(e.input() instanceof dev.cau.core.journal.RunInput.Resumed)).count();
    return new Resumed(resumed[0].completion().join(), warnings, replayed);
  }

  private void everyNodeUpdatedOnceAndUp() {
    for (SimulatedNode node : cluster.nodes()) {
      assertThat(node.installedUpdates()).isNotEmpty();
      node.installedUpdates().forEach(u -> assertThat(node.installCount(u)).as("%s on %s", u, node.name()).isEqualTo(1));
    }
    assertThat(cluster.snapshot().nodes()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
  }

  private static Map<String, NodeStatusNotification> latestPerNode(List<RunEvent> events) {
    Map<String, NodeStatusNotification> latest = new LinkedHashMap<>();
    for (RunEvent event : events) {
      if (event instanceof dev.cau.api.event.RunStarted started) {
        started.nodeOrder().forEach(n -> latest.put(n, new NodeStatusNotification(n, "Waiting", started.at())));
      } else if (event instanceof NodeStepStarted step) {
        String name = step.step().name();
        StringBuilder cau = new StringBuilder();
        for (String word : name.split("_")) {
          cau.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        latest.put(step.node(), new NodeStatusNotification(step.node(), cau.toString(), step.at()));
      } else if (event instanceof NodeFinished finished) {
        NodeResult r = finished.result();
        latest.put(r.node(), new NodeStatusNotification(r.node(), r.status().displayName(), finished.at()));
      }
    }
    return latest;
  }

  private SimulatedCoordinator coordinator(String name, RunStore store) {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote(name, "admin-" + (name.equals("alice") ? 1 : 2)))
        .runStore(store).build();
  }
}

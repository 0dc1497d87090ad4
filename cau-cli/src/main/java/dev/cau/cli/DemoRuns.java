package dev.cau.cli;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.event.RunListener;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.RunResult;
import dev.cau.core.UpdatingRun;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.report.RunHistory;
import dev.cau.core.store.StoredRunJournal;
import dev.cau.plugin.windowsupdate.WindowsUpdatePluginProvider;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Sets up the coordinator of a simulated cluster for the commands that run or read runs, and
 * chooses when, in virtual time, a run kept in a run store starts.
 *
 * <p>Without a store, every run starts at {@link DemoCluster#FIRST_WINDOW} and repeats exactly.
 * With one, a run starts in the next nightly window after every report the store holds (at 03:00
 * UTC, the first run at {@link DemoCluster#FIRST_WINDOW}), so that a store's history reads as one
 * run a night and its date ranges mean something; its id is a random UUID, as a real
 * coordinator's, so that it never meets the id of a run already in the store. A run that is carried
 * on after its coordinator stopped continues on a fresh cluster whose virtual time starts where its
 * journal ends.
 */
final class DemoRuns {
  /** Who the command's coordinator is, as the run lock and the reports name it. */
  static final CoordinatorIdentity IDENTITY = CoordinatorIdentity.remote("cau-cli", "localhost");

  /**
   * CAU's default plug-in, the real one, so that a profile naming no plug-in (which means Windows
   * Update, as in CAU) runs it against the simulated Windows Update Agent of each demo node; any
   * other plug-in a profile names must be offered, or the run is refused.
   */
  static final UpdatePluginProvider WINDOWS_UPDATE = new WindowsUpdatePluginProvider();

  /** The time of day, in UTC, of the nightly window a stored run starts in. */
  private static final LocalTime WINDOW = LocalTime.of(3, 0);

  private DemoRuns() {}

  /**
   * Builds a fresh cluster for a command, starting in virtual time when the next run would.
   *
   * @param clusters builds a cluster whose simulator starts at a given instant
   * @param store the command's run store, or {@code null}
   * @return the cluster
   */
  static SimulatedCluster cluster(Function<Instant, SimulatedCluster> clusters, @Nullable RunStore store) {
    return clusters.apply(store == null ? DemoCluster.FIRST_WINDOW : nextWindow(new RunHistory(store)));
  }

  /**
   * Builds a fresh cluster to carry on an interrupted run, starting in virtual time at the last
   * entry of the run's journal (or the run's start, if it has none), so that the run's times read
   * on from where its coordinator stopped.
   *
   * @param clusters builds a cluster whose simulator starts at a given instant
   * @param interrupted the run's journal
   * @return the cluster
   */
  static SimulatedCluster cluster(Function<Instant, SimulatedCluster> clusters, StoredRunJournal interrupted) {
    return clusters.apply(journalEnd(interrupted));
  }

  /**
   * Returns when an interrupted run's journal ends: the time of its last entry, or the run's start
   * if it has no entries.
   *
   * @param journal the run's journal
   * @return the instant
   */
  static Instant journalEnd(StoredRunJournal journal) {
    List<JournalEntry> entries = journal.entries();
    return entries.isEmpty() ? journal.header().startedAt() : entries.get(entries.size() - 1).input().at();
  }

  /**
   * Returns the interrupted run a store holds, the one a fresh cluster's coordinator resumes: of
   * the runs with a journal and no report, the one that started last.
   *
   * @param store the run store
   * @return the run's journal, or empty if every run in the store has finished
   * @throws dev.cau.core.store.JournalFormatException if such a journal cannot be read
   */
  static Optional<StoredRunJournal> interrupted(RunStore store) {
    return store.runs().stream()
        .filter(id -> store.report(id).isEmpty())
        .map(id -> StoredRunJournal.open(store, id))
        .flatMap(Optional::stream)
        .max(Comparator.comparing((StoredRunJournal j) -> j.header().startedAt())
            .thenComparing(j -> j.header().runId().toString()));
  }

  /**
   * Returns when the next run kept in a store starts: 03:00 UTC on the first night after every
   * reported run has ended, and never before {@link DemoCluster#FIRST_WINDOW}.
   *
   * @param history the store's history
   * @return the instant
   */
  static Instant nextWindow(RunHistory history) {
    Instant latest = history.reports().stream().map(RunResult::finishedAt).max(Instant::compareTo).orElse(null);
    if (latest == null) {
      return DemoCluster.FIRST_WINDOW;
    }
    Instant window = latest.atZone(ZoneOffset.UTC).toLocalDate().atTime(WINDOW).toInstant(ZoneOffset.UTC);
    if (!window.isAfter(latest)) {
      window = window.plus(Duration.ofDays(1));
    }
    return window.isBefore(DemoCluster.FIRST_WINDOW) ? DemoCluster.FIRST_WINDOW : window;
  }

  /**
   * Returns the plug-ins a run on a simulated cluster can use, as its coordinator offers them.
   *
   * @param added the plug-ins added from a {@code --plugin-path} directory
   * @return the in-memory plug-in, CAU's default plug-in and the added ones
   */
  static List<UpdatePluginProvider> offered(List<UpdatePluginProvider> added) {
    List<UpdatePluginProvider> offered = new ArrayList<>(List.of(new InMemoryUpdatePluginProvider(), WINDOWS_UPDATE));
    offered.addAll(added);
    return offered;
  }

  /**
   * Builds the command's coordinator of a simulated cluster.
   *
   * @param cluster the cluster
   * @param store where to keep runs, or {@code null} to keep them in the cluster's memory
   * @param listeners listeners of the coordinator's runs
   * @return the coordinator, with the simulator's time and threads
   */
  static SimulatedCoordinator coordinator(SimulatedCluster cluster, @Nullable RunStore store, RunListener... listeners) {
    return coordinator(cluster, store, List.of(), listeners);
  }

  /**
   * Builds the command's coordinator of a simulated cluster, offering plug-ins added from a
   * directory besides its own.
   *
   * @param cluster the cluster
   * @param store where to keep runs, or {@code null} to keep them in the cluster's memory
   * @param added the plug-ins added from a {@code --plugin-path} directory
   * @param listeners listeners of the coordinator's runs
   * @return the coordinator, with the simulator's time and threads
   * @throws dev.cau.api.PluginRegistrationException if an added plug-in has the name of one of the
   *     coordinator's own, or of another added one
   */
  static SimulatedCoordinator coordinator(
      SimulatedCluster cluster, @Nullable RunStore store, List<UpdatePluginProvider> added, RunListener... listeners) {
    List<UpdatePluginProvider> plugins = new ArrayList<>(List.of(WINDOWS_UPDATE));
    plugins.addAll(added);
    SimulatedCoordinator.Builder coordinator = SimulatedCoordinator.builder(cluster, IDENTITY).plugins(plugins);
    if (store != null) {
      coordinator.runStore(RecordHooks.around(store)).runIds(() -> new RunId(UUID.randomUUID()));
    }
    for (RunListener listener : listeners) {
      coordinator.listener(listener);
    }
    return coordinator.build();
  }

  /**
   * Drives the simulation until a run has ended.
   *
   * @param cluster the run's cluster
   * @param run the run
   * @return its result
   * @throws IllegalStateException if the simulation ran out of work first, which means the engine
   *     waits for something that cannot happen
   */
  static RunResult complete(SimulatedCluster cluster, UpdatingRun run) {
    if (!cluster.simulator().runUntil(run.completion()::isDone)) {
      throw new IllegalStateException("The simulation ran out of work before run " + run.runId() + " ended");
    }
    return run.completion().join();
  }
}

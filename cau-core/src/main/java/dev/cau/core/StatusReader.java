package dev.cau.core;

import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.event.RunStarted;
import dev.cau.api.result.NodeResult;
import dev.cau.core.engine.Command;
import dev.cau.core.engine.RunMachine;
import dev.cau.core.featureupdate.MixedOsStatus;
import dev.cau.core.featureupdate.MixedOsTracker;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.journal.RunInput;
import dev.cau.core.lock.CoordinatorLock;
import dev.cau.core.options.RunOptions;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.core.policy.RolloutPolicy;
import dev.cau.core.profile.RunProfile;
import dev.cau.core.status.NodeStatusNotification;
import dev.cau.core.status.RunState;
import dev.cau.core.status.RunStatus;
import dev.cau.core.store.StoredRunJournal;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a cluster's run status from its lock and run store: the run's state from the lock, and
 * what each node is doing from a replay of the journal into a fresh machine, which gives exactly
 * the events the run published.
 */
final class StatusReader {
  private StatusReader() {}

  static RunStatus read(String cluster, RunRecords records, @Nullable CoordinatorLock lock, RolloutPolicy rollout,
      OrchestrationPolicy policy) {
    Optional<CoordinatorLease> holder = lock == null ? Optional.empty() : lock.holder();
    boolean live = lock != null && holder.isPresent() && !lock.isExpired(holder.get());
    List<StoredRunJournal> unfinished = records.unfinished();
    StoredRunJournal run = unfinished.stream()
        .filter(j -> holder.isPresent() && j.header().runId().equals(holder.get().runId()))
        .findFirst()
        .orElse(unfinished.isEmpty() ? null : unfinished.get(unfinished.size() - 1));
    if (run == null) {
      if (!live) {
        return RunStatus.notInProgress(cluster);
      }
      CoordinatorLease lease = holder.get();
      return new RunStatus(cluster, RunState.RUN_IN_PROGRESS, lease.runId(), lease.acquiredAt(), lease.owner(),
          List.of(), List.of(), holds(lease, lock) + "; its run keeps no journal in this run store");
    }
    Replay replay = replay(run, rollout, policy);
    RunHeader header = run.header();
    if (live && holder.get().runId().equals(header.runId())) {
      CoordinatorLease lease = holder.get();
      return new RunStatus(cluster, RunState.RUN_IN_PROGRESS, header.runId(), header.startedAt(), lease.owner(),
          replay.latest(), replay.results(), holds(lease, lock), replay.mixedOs());
    }
    String why = holder.filter(l -> l.runId().equals(header.runId()))
        .map(l -> "Its coordinator " + l.owner() + " on " + l.host() + " stopped: its lease was last renewed at "
            + l.renewedAt() + (lock == null ? "" : " and expired at " + lock.expiresAt(l)) + ".")
        .orElse("Its coordinator stopped, and the cluster's lock does not name it any more.");
    return new RunStatus(cluster, RunState.RUN_FAILED, header.runId(), header.startedAt(), replay.coordinator(),
        replay.latest(), replay.results(), "Run " + header.runId() + " did not finish. " + why
            + " Nodes may still be suspended by it: resume the run, or end it with ForceRecovery.", replay.mixedOs());
  }

  private static String holds(CoordinatorLease lease, @Nullable CoordinatorLock lock) {
    return "Coordinator " + lease.owner() + " on " + lease.host() + " holds the run lock since " + lease.acquiredAt()
        + ", last renewed at " + lease.renewedAt()
        + (lock == null ? "" : "; it expires at " + lock.expiresAt(lease) + " unless renewed");
  }

  private record Replay(List<NodeStatusNotification> latest, List<NodeResult> results, @Nullable String coordinator,
      MixedOsStatus mixedOs) {}

  private static Replay replay(StoredRunJournal run, RolloutPolicy rollout, OrchestrationPolicy policy) {
    RunHeader header = run.header();
    RunMachine machine = machine(header, rollout, policy);
    Map<String, NodeStatusNotification> latest = new LinkedHashMap<>();
    List<NodeResult> results = new ArrayList<>();
    String coordinator = null;
    // The run's own scan and install events tell which nodes it moved to a new OS version, and when.
    MixedOsTracker mixedOs = new MixedOsTracker();
    for (JournalEntry entry : run.entries()) {
      RunInput input = entry.input();
      if (input instanceof RunInput.Started started) {
        coordinator = started.coordinator();
      } else if (input instanceof RunInput.Resumed resumed) {
        coordinator = resumed.coordinator();
      }
      for (Command command : machine.apply(input)) {
        if (command instanceof Command.Publish publish) {
          mixedOs.onEvent(publish.event());
          if (publish.event() instanceof RunStarted started) {
            started.nodeOrder().forEach(n -> latest.put(n, new NodeStatusNotification(n, "Waiting", started.at())));
          } else if (publish.event() instanceof NodeStepStarted step) {
            latest.put(step.node(), new NodeStatusNotification(step.node(), name(step.step()), step.at()));
          } else if (publish.event() instanceof NodeFinished finished) {
            NodeResult result = finished.result();
            latest.put(result.node(), new NodeStatusNotification(result.node(), result.status().displayName(), finished.at()));
            results.add(result);
          }
        }
      }
    }
    return new Replay(List.copyOf(latest.values()), results, coordinator, mixedOs.status());
  }

  private static RunMachine machine(RunHeader header, RolloutPolicy rollout, OrchestrationPolicy policy) {
    RunOptions options;
    try {
      options = RunProfile.read(new StringReader(RunHeaders.profileOf(header))).toBuilder()
          .nodeOrder(header.nodeOrder())
          .quorumPolicy(header.quorumPolicy())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return RunMachines.forHeader(header, options, rollout, policy);
  }

  /** CAU-style name of a step: {@code PRE_UPDATE_SCRIPT} is {@code PreUpdateScript}. */
  private static String name(Enum<?> step) {
    StringBuilder name = new StringBuilder();
    for (String word : step.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

}

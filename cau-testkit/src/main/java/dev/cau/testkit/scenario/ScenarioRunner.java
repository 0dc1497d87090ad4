package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.api.event.RunEvent;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.ClusterChange;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apiguardian.api.API;

/** Runs scenarios through the real engine in virtual time and records what happened. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ScenarioRunner {
  private static final Duration LEASE = Duration.ofHours(1);

  private ScenarioRunner() {}

  /**
   * Runs a scenario with CAU's policy.
   *
   * @param scenario the scenario
   * @return the recorded outcome
   */
  public static ScenarioOutcome run(Scenario scenario) {
    return run(scenario, OrchestrationPolicy.CAU);
  }

  /**
   * Runs a scenario with a policy.
   *
   * @param scenario the scenario
   * @param policy the decisions the engine takes
   * @return the recorded outcome; an engine failure is recorded, not thrown
   * @throws dev.cau.api.InvalidOptionsException if the scenario's options do not fit its cluster
   */
  public static ScenarioOutcome run(Scenario scenario, OrchestrationPolicy policy) {
    SimulatedCluster cluster = scenario.cluster();
    List<TimedSnapshot> timeline = new ArrayList<>();
    timeline.add(new TimedSnapshot(-1, cluster.simulator().now(), cluster.snapshot()));
    cluster.observe(c -> {
      List<ClusterChange> history = c.history();
      long sequence = history.isEmpty() ? -1 : history.get(history.size() - 1).sequence();
      timeline.add(new TimedSnapshot(sequence, c.simulator().now(), c.snapshot()));
    });
    List<SimulatedCoordinator.CallRecord> calls = new ArrayList<>();
    SimulatedCoordinator first = coordinator(cluster, "first", policy, calls);
    SimulatedCoordinator second = coordinator(cluster, "second", policy, calls);
    UpdatingRun[] current = new UpdatingRun[1];
    CoordinatorFault fault = scenario.coordinatorFault();
    if (fault != null) {
      // The coordinator acts on entry afterEntry; record 1 is the header.
      cluster.store().onAppend((run, record) -> {
        if (record != fault.afterEntry() + 2 || !first.isAlive()) {
          return;
        }
        cluster.simulator().schedule(cluster.simulator().now().plus(LEASE).plusSeconds(1),
            () -> current[0] = second.coordinator().resume(scenario.options()));
        if (fault.kind() == CoordinatorFault.Kind.CRASH) {
          first.crash();
          throw new CoordinatorCrash(); // it dies before the next entry is written
        }
        // It acts on this entry, then freezes past its lease; when it wakes it must be fenced.
        first.stall(LEASE.multipliedBy(2));
      });
    }
    UpdatingRun firstRun = first.coordinator().start(scenario.options());
    current[0] = firstRun;
    Duration cancelAfter = scenario.cancelAfter();
    if (cancelAfter != null) {
      cluster.simulator().schedule(cluster.simulator().now().plus(cancelAfter), () -> current[0].cancel());
    }
    try {
      // After a crash, the run that counts is the one the second coordinator resumed.
      // A stalled first coordinator must also have woken and stopped, for the fencing to be judged.
      boolean stalls = fault != null && fault.kind() == CoordinatorFault.Kind.STALL;
      boolean ended = cluster.simulator().runUntil(() -> current[0].completion().isDone()
          && (first.isAlive() || current[0] != firstRun)
          && (!stalls || firstRun.completion().isDone()));
      if (!ended) {
        throw new IllegalStateException("The simulation ran out of work before run " + current[0].runId() + " ended");
      }
      List<RunEvent> events = new ArrayList<>(first.events());
      events.addAll(second.events());
      return new ScenarioOutcome(scenario, cluster, current[0].completion().join(), events, cluster.steps(),
          cluster.history(), timeline, null, cluster.lock().history(), calls);
    } catch (IllegalStateException | CompletionException | CauException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      return new ScenarioOutcome(scenario, cluster, null, List.of(), cluster.steps(), cluster.history(), timeline,
          cause.getClass().getSimpleName() + ": " + cause.getMessage(), cluster.lock().history(), calls);
    }
  }

  private static SimulatedCoordinator coordinator(SimulatedCluster cluster, String name, OrchestrationPolicy policy,
      List<SimulatedCoordinator.CallRecord> calls) {
    return SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote(name, name + "-host"))
        .policy(policy).leaseExpiry(LEASE).callLog(calls).build();
  }

  /** Stops the first coordinator dead in a scenario with a coordinator crash. */
  private static final class CoordinatorCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CoordinatorCrash() {
      super("simulated coordinator crash", null, false, false);
    }
  }
}

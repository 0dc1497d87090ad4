package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.CoordinatorLease;
import dev.cau.api.event.RunEvent;
import dev.cau.api.result.RunResult;
import dev.cau.testkit.SimulatedCoordinator;
import dev.cau.testkit.cluster.ClusterChange;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.StepRecord;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What running one scenario produced: the recorded history that the invariant checkers read.
 *
 * @param scenario the scenario
 * @param cluster the simulated cluster, in its final state
 * @param result the run's result, or {@code null} if the run did not end
 * @param events every event of the run, in order
 * @param steps every simulated operation, in order
 * @param changes every change of the cluster, in order
 * @param timeline the cluster after every change, starting with its initial state
 * @param engineFailure what went wrong inside the engine, or {@code null}
 * @param leases every lease the cluster's lock gave out, in order
 * @param calls every call a coordinator made into the cluster, in order
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ScenarioOutcome(
    Scenario scenario,
    SimulatedCluster cluster,
    @Nullable RunResult result,
    List<RunEvent> events,
    List<StepRecord> steps,
    List<ClusterChange> changes,
    List<TimedSnapshot> timeline,
    @Nullable String engineFailure,
    List<CoordinatorLease> leases,
    List<SimulatedCoordinator.CallRecord> calls) {
  /**
   * Copies the lists.
   *
   * @param scenario the scenario
   * @param cluster the cluster
   * @param result the result, or {@code null}
   * @param events the events
   * @param steps the operations
   * @param changes the changes
   * @param timeline the snapshots
   * @param engineFailure the engine's failure, or {@code null}
   * @param leases the leases
   * @param calls the coordinators' calls
   */
  public ScenarioOutcome {
    leases = List.copyOf(leases);
    calls = List.copyOf(calls);
    events = List.copyOf(events);
    steps = List.copyOf(steps);
    changes = List.copyOf(changes);
    timeline = List.copyOf(timeline);
  }

  /**
   * Renders the history for a person: every step, change and event in virtual time.
   *
   * @return one line per entry
   */
  public String history() {
    StringBuilder text = new StringBuilder();
    java.util.List<String> lines = new java.util.ArrayList<>();
    steps.forEach(s -> lines.add(s.start() + " #" + s.sequence() + " step   " + s.node() + ": " + s.step()
        + (s.duration().isZero() ? "" : " (" + s.duration() + ")")));
    changes.forEach(c -> lines.add(c.at() + " #" + c.sequence() + " change " + c.description()));
    lines.sort(java.util.Comparator.comparing((String l) -> l.substring(0, l.indexOf(' ')))
        .thenComparingLong(l -> Long.parseLong(l.substring(l.indexOf('#') + 1, l.indexOf(' ', l.indexOf('#'))))));
    lines.forEach(l -> text.append(l).append('\n'));
    if (result != null) {
      result.nodeResults().forEach(r -> text.append("result ").append(r.node()).append(' ')
          .append(r.status().displayName()).append(" attempts ").append(r.attempts())
          .append(r.reason() == null ? "" : ": " + r.reason()).append('\n'));
      text.append("run ").append(result.status().displayName())
          .append(result.reason() == null ? "" : ": " + result.reason()).append('\n');
    }
    if (engineFailure != null) {
      text.append("engine failure: ").append(engineFailure).append('\n');
    }
    return text.toString();
  }
}

package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.NodeState;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One node of a {@link Scenario}.
 *
 * @param name the node's name
 * @param voteWeight 0 or 1
 * @param site its site, or {@code null}
 * @param initialState its state when the run starts
 * @param updates its update catalogue
 * @param neverReturnsFromRestart a fault: it stays down after its first restart
 * @param crashAfter a fault: it crashes, unplanned, this long after the start; or {@code null}
 * @param crashesWhileInstalling a fault: it crashes halfway through its first installation
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ScenarioNode(
    String name,
    int voteWeight,
    @Nullable String site,
    NodeState initialState,
    List<SimulatedUpdate> updates,
    boolean neverReturnsFromRestart,
    @Nullable Duration crashAfter,
    boolean crashesWhileInstalling) {
  /**
   * Checks the components and copies the list.
   *
   * @param name the node's name
   * @param voteWeight 0 or 1
   * @param site its site, or {@code null}
   * @param initialState its state when the run starts
   * @param updates its update catalogue
   * @param neverReturnsFromRestart whether it stays down after a restart
   * @param crashAfter when it crashes, or {@code null}
   * @param crashesWhileInstalling whether it crashes during its first installation
   */
  public ScenarioNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(initialState, "initialState");
    updates = List.copyOf(updates);
  }

  /**
   * Counts the faults of this node.
   *
   * @return 0, 1 or 2
   */
  public int faults() {
    return (neverReturnsFromRestart ? 1 : 0) + (crashAfter != null ? 1 : 0) + (crashesWhileInstalling ? 1 : 0);
  }

  ScenarioNode withUpdates(List<SimulatedUpdate> value) {
    return new ScenarioNode(name, voteWeight, site, initialState, value, neverReturnsFromRestart, crashAfter, crashesWhileInstalling);
  }

  ScenarioNode withoutFaults() {
    return new ScenarioNode(name, voteWeight, site, initialState, updates, false, null, false);
  }

  ScenarioNode crashingAfter(Duration after) {
    return new ScenarioNode(name, voteWeight, site, initialState, updates, neverReturnsFromRestart, after, crashesWhileInstalling);
  }

  ScenarioNode crashingWhileInstallingInstead() {
    return new ScenarioNode(name, voteWeight, site, initialState, updates, neverReturnsFromRestart, null, true);
  }

  ScenarioNode up() {
    return new ScenarioNode(name, voteWeight, site, NodeState.UP, updates, neverReturnsFromRestart, crashAfter, crashesWhileInstalling);
  }
}

package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.Witness;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.Timings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A complete, reproducible test case: a cluster, its faults and the run's options. Plain data,
 * so that a failing scenario can be shrunk and printed.
 *
 * @param seed the seed it was generated from
 * @param nodes the nodes, in the cluster's order
 * @param witness the witness
 * @param roles role name to the node that owns it at the start
 * @param storageResync how long storage repairs after each restart; zero for none
 * @param cancelAfter when the run is canceled, from its start; or {@code null}
 * @param coordinatorFault a fault of the coordinator (a crash, or a stall past its lease) after a
 *     number of journal entries, after which a second coordinator takes the run over; or
 *     {@code null}
 * @param options the run's options
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Scenario(
    long seed,
    List<ScenarioNode> nodes,
    Witness witness,
    Map<String, String> roles,
    Duration storageResync,
    @Nullable Duration cancelAfter,
    @Nullable CoordinatorFault coordinatorFault,
    RunOptions options) {
  /**
   * Checks the components and copies the collections.
   *
   * @param seed the seed
   * @param nodes the nodes
   * @param witness the witness
   * @param roles the roles and their owners
   * @param storageResync storage repair after a restart
   * @param cancelAfter when the run is canceled, or {@code null}
   * @param coordinatorFault the coordinator fault, or {@code null}
   * @param options the run's options
   */
  public Scenario {
    nodes = List.copyOf(nodes);
    roles = Map.copyOf(new java.util.TreeMap<>(roles));
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(storageResync, "storageResync");
    Objects.requireNonNull(options, "options");
  }

  /**
   * Builds the simulated cluster this scenario describes.
   *
   * @return a new cluster in its initial state
   */
  public SimulatedCluster cluster() {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("scenario-" + seed)
        .timings(Timings.defaults().withStorageResync(storageResync));
    if (witness.isConfigured()) {
      builder.witness(witness.kind(), witness.state());
    }
    for (ScenarioNode node : nodes) {
      builder.node(node.name(), spec -> {
        spec.state(node.initialState()).voteWeight(node.voteWeight())
            .updates(node.updates().toArray(SimulatedUpdate[]::new));
        if (node.site() != null) {
          spec.faultDomain(FaultDomain.site(node.site()));
        }
        if (node.neverReturnsFromRestart()) {
          spec.neverReturnsFromRestart();
        }
        if (node.crashesWhileInstalling()) {
          spec.crashesWhileInstalling();
        }
      });
      if (node.crashAfter() != null) {
        builder.crash(node.name(), node.crashAfter());
      }
    }
    new java.util.TreeMap<>(roles).forEach(builder::role);
    return builder.build();
  }

  /**
   * Counts the faults: per-node faults, storage repair and a cancel.
   *
   * @return the number of faults
   */
  public int faults() {
    return nodes.stream().mapToInt(ScenarioNode::faults).sum()
        + (storageResync.isZero() ? 0 : 1) + (cancelAfter != null ? 1 : 0) + (coordinatorFault != null ? 1 : 0);
  }

  /**
   * Counts the updates of every node.
   *
   * @return the number of updates
   */
  public int updates() {
    return nodes.stream().mapToInt(n -> n.updates().size()).sum();
  }

  /**
   * Describes the scenario for a person reading a failure.
   *
   * @return several lines
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("seed ").append(seed).append(": ").append(nodes.size()).append(" nodes, witness ")
        .append(witness.kind()).append(witness.isConfigured() ? " " + witness.state() : "")
        .append(", ").append(roles.size()).append(" roles, ").append(faults()).append(" faults\n");
    for (ScenarioNode node : nodes) {
      text.append("  ").append(node.name()).append(" weight ").append(node.voteWeight())
          .append(node.site() == null ? "" : " site " + node.site())
          .append(' ').append(node.initialState())
          .append(node.neverReturnsFromRestart() ? " never-returns-from-restart" : "")
          .append(node.crashAfter() == null ? "" : " crashes-after " + node.crashAfter())
          .append(node.crashesWhileInstalling() ? " crashes-while-installing" : "")
          .append(" updates ").append(node.updates().stream().map(Scenario::describe).collect(Collectors.joining(", ", "[", "]")))
          .append('\n');
    }
    text.append("  roles ").append(new java.util.TreeMap<>(roles)).append('\n');
    if (!storageResync.isZero()) {
      text.append("  storage resyncs ").append(storageResync).append(" after each restart\n");
    }
    if (cancelAfter != null) {
      text.append("  canceled after ").append(cancelAfter).append('\n');
    }
    if (coordinatorFault != null) {
      text.append("  ").append(coordinatorFault).append('\n');
    }
    text.append("  ").append(options);
    return text.toString();
  }

  private static String describe(SimulatedUpdate update) {
    return update.id()
        + (update.requiresRestart() ? " restart" : "")
        + (update.appearsAfter() == null ? "" : " after " + update.appearsAfter())
        + (update.failureCode() == 0 ? "" : " fails")
        + (update.reportedAfterInstall() ? " reported-again" : "");
  }

  Scenario with(List<ScenarioNode> newNodes, Map<String, String> newRoles) {
    return new Scenario(seed, newNodes, witness, newRoles, storageResync, cancelAfter, coordinatorFault, options);
  }

  Scenario withOptions(RunOptions newOptions) {
    return new Scenario(seed, nodes, witness, roles, storageResync, cancelAfter, coordinatorFault, newOptions);
  }

  Scenario withoutStorageResync() {
    return new Scenario(seed, nodes, witness, roles, Duration.ZERO, cancelAfter, coordinatorFault, options);
  }

  Scenario withCoordinatorFault(CoordinatorFault fault) {
    return new Scenario(seed, nodes, witness, roles, storageResync, cancelAfter, fault, options);
  }

  Scenario withoutCoordinatorFault() {
    return new Scenario(seed, nodes, witness, roles, storageResync, cancelAfter, null, options);
  }

  Scenario withoutCancel() {
    return new Scenario(seed, nodes, witness, roles, storageResync, null, coordinatorFault, options);
  }
}

package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.Witness;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.WorkflowOrder;
import dev.cau.core.quorum.QuorumPolicy;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * Makes scenarios from seeds: 2 to 64 nodes (mostly small), node weights, witness kinds and
 * states, sites, role placement, update catalogues with restarts, second-order and failing
 * updates, faults (nodes that never return, unplanned crashes, nodes down or in maintenance at
 * the start, storage repair, a cancel) and option sets.
 *
 * <p>Framework-neutral: give it a seed, or any {@link RandomGenerator} a property-testing library
 * hands you. The same seed always gives the same scenario.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ScenarioGenerator {
  private static final List<FailbackMode> FAILBACK_MODES =
      List.of(FailbackMode.NO_FAILBACK, FailbackMode.IMMEDIATE, FailbackMode.POLICY);
  private static final List<WitnessKind> WITNESS_KINDS =
      List.of(WitnessKind.DISK, WitnessKind.FILE_SHARE, WitnessKind.CLOUD);
  private final int minNodes;
  private final int maxNodes;

  private ScenarioGenerator(int minNodes, int maxNodes) {
    this.minNodes = minNodes;
    this.maxNodes = maxNodes;
  }

  /**
   * Returns a generator of clusters of 2 to 64 nodes, most of them small.
   *
   * @return the generator
   */
  public static ScenarioGenerator defaults() {
    return new ScenarioGenerator(2, 64);
  }

  /**
   * Returns a generator limited to a range of cluster sizes.
   *
   * @param minNodes at least 2
   * @param maxNodes at most 64, and at least {@code minNodes}
   * @return the generator
   */
  public static ScenarioGenerator sized(int minNodes, int maxNodes) {
    if (minNodes < 2 || maxNodes > 64 || maxNodes < minNodes) {
      throw new IllegalArgumentException("Cluster sizes must lie in 2..64, but were " + minNodes + ".." + maxNodes);
    }
    return new ScenarioGenerator(minNodes, maxNodes);
  }

  /**
   * Makes the scenario of a seed.
   *
   * @param seed any number
   * @return the scenario; the same for the same seed
   */
  public Scenario generate(long seed) {
    return generate(seed, new SplittableRandom(seed));
  }

  /**
   * Makes a scenario from a random source, recording a seed for the reader.
   *
   * @param seed the seed to report with the scenario
   * @param random the source of randomness
   * @return the scenario
   */
  public Scenario generate(long seed, RandomGenerator random) {
    int size = nodeCount(random);
    int sites = random.nextInt(4);
    List<ScenarioNode> nodes = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      nodes.add(node(random, "n" + i, sites));
    }
    if (nodes.stream().noneMatch(n -> n.voteWeight() == 1)) {
      ScenarioNode first = nodes.get(0);
      nodes.set(0, new ScenarioNode(first.name(), 1, first.site(), first.initialState(), first.updates(),
          first.neverReturnsFromRestart(), first.crashAfter(), first.crashesWhileInstalling()));
    }
    List<String> up = nodes.stream().filter(n -> n.initialState() == NodeState.UP).map(ScenarioNode::name).toList();
    Map<String, String> roles = new LinkedHashMap<>();
    if (!up.isEmpty()) {
      int count = random.nextInt(2 * size + 1);
      for (int r = 1; r <= count; r++) {
        roles.put("role-" + r, up.get(random.nextInt(up.size())));
      }
    }
    Duration resync = chance(random, 0.2) ? Duration.ofMinutes(5 + random.nextInt(36)) : Duration.ZERO;
    Duration cancel = chance(random, 0.05) ? Duration.ofMinutes(random.nextInt(240)).plusSeconds(13) : null;
    CoordinatorFault coordinatorFault = chance(random, 0.1)
        ? new CoordinatorFault(random.nextBoolean() ? CoordinatorFault.Kind.CRASH : CoordinatorFault.Kind.STALL,
            1 + random.nextInt(8 * size + 20))
        : null;
    return new Scenario(seed, nodes, witness(random), roles, resync, cancel, coordinatorFault, options(random, size));
  }

  private int nodeCount(RandomGenerator random) {
    double band = random.nextDouble();
    int upper = band < 0.6 ? 8 : band < 0.9 ? 24 : 64;
    int lower = Math.min(minNodes, maxNodes);
    int high = Math.max(lower, Math.min(upper, maxNodes));
    return lower + random.nextInt(high - lower + 1);
  }

  private static ScenarioNode node(RandomGenerator random, String name, int sites) {
    int weight = chance(random, 0.1) ? 0 : 1;
    String site = sites == 0 ? null : "site-" + (1 + random.nextInt(sites));
    double s = random.nextDouble();
    NodeState state = s < 0.05 ? NodeState.DOWN : s < 0.07 ? NodeState.PAUSED : NodeState.UP;
    boolean neverReturns = state == NodeState.UP && chance(random, 0.04);
    Duration crash = state == NodeState.UP && chance(random, 0.03)
        ? Duration.ofMinutes(random.nextInt(300)).plusSeconds(7) : null;
    boolean crashesWhileInstalling = state == NodeState.UP && crash == null && chance(random, 0.02);
    return new ScenarioNode(name, weight, site, state, updates(random), neverReturns, crash, crashesWhileInstalling);
  }

  private static List<SimulatedUpdate> updates(RandomGenerator random) {
    List<SimulatedUpdate> updates = new ArrayList<>();
    int count = random.nextInt(6);
    for (int u = 1; u <= count; u++) {
      SimulatedUpdate update = SimulatedUpdate.of("KB" + u, "Update " + u)
          .installTaking(Duration.ofMinutes(1 + random.nextInt(15)));
      if (chance(random, 0.4)) {
        update = update.requiringRestart();
      }
      if (u > 1 && chance(random, 0.15)) {
        update = update.appearingAfter("KB" + (1 + random.nextInt(u - 1)));
      }
      if (chance(random, 0.08)) {
        update = update.failingWith(0x80070000 + random.nextInt(0x10000));
      }
      if (chance(random, 0.03)) {
        update = update.reportedAgainAfterInstall();
      }
      if (chance(random, 0.005)) {
        update = update.installTaking(Duration.ofDays(30)); // hangs until the operation timeout
      }
      updates.add(update);
    }
    return updates;
  }

  private static Witness witness(RandomGenerator random) {
    double w = random.nextDouble();
    if (w < 0.3) {
      return Witness.NONE;
    }
    WitnessKind kind = WITNESS_KINDS.get(random.nextInt(WITNESS_KINDS.size()));
    return new Witness(kind, w < 0.85 ? WitnessState.ONLINE : WitnessState.OFFLINE);
  }

  private static RunOptions options(RandomGenerator random, int size) {
    RunOptions.Builder options = Simulation.options()
        .maxRetriesPerNode(1 + random.nextInt(4))
        .failbackMode(FAILBACK_MODES.get(random.nextInt(FAILBACK_MODES.size())))
        .workflowOrder(chance(random, 0.3) ? WorkflowOrder.INSTALL_THEN_DRAIN_IF_REBOOT : WorkflowOrder.DRAIN_THEN_INSTALL)
        .skipCompliantNodes(!chance(random, 0.2))
        .bypassMaintenanceModeCheck(chance(random, 0.5))
        .maxUpdatePasses(1 + random.nextInt(4));
    if (chance(random, 0.5)) {
      options.maxFailedNodes(random.nextInt(size));
    }
    if (chance(random, 0.15)) {
      options.pauseMode(chance(random, 0.5) ? PauseMode.FORCE_PAUSE_AND_DRAIN : PauseMode.FORCE_PAUSE_DRAIN_AND_REBOOT);
    } else if (chance(random, 0.05)) {
      options.suspendReboot(true);
    }
    if (chance(random, 0.2)) {
      options.quorumPolicy(QuorumPolicy.ALLOW_DYNAMIC_QUORUM);
    }
    if (chance(random, 0.1)) {
      options.attemptSoftReboot(true);
    }
    return options.build();
  }

  private static boolean chance(RandomGenerator random, double probability) {
    return random.nextDouble() < probability;
  }
}

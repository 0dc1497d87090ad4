package dev.cau.testkit;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import dev.cau.testkit.cluster.Timings;
import java.time.Duration;
import java.util.function.Consumer;

/** Clusters the tests share. */
final class Clusters {
  private Clusters() {}

  /** The usual monthly set: a cumulative update needing a restart, two without, one second-order. */
  static SimulatedUpdate[] monthlyUpdates() {
    return new SimulatedUpdate[] {
      SimulatedUpdate.of("KB5001", "2026-01 Cumulative Update").requiringRestart().installTaking(Duration.ofMinutes(12)),
      SimulatedUpdate.of("KB5002", ".NET Framework update").installTaking(Duration.ofMinutes(4)),
      SimulatedUpdate.of("KB5003", "Defender definitions").installTaking(Duration.ofMinutes(1)),
      SimulatedUpdate.of("KB5004", "Servicing stack follow-up").appearingAfter("KB5001").installTaking(Duration.ofMinutes(3)),
    };
  }

  /** {@code nodes} nodes n1..nN with the monthly updates, a witness as given, and roles spread unevenly. */
  static SimulatedCluster.Builder cluster(int nodes, boolean witness) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("c" + nodes);
    for (int i = 1; i <= nodes; i++) {
      builder.node("n" + i, n -> n.updates(monthlyUpdates()));
    }
    if (witness) {
      builder.witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE);
    }
    // Node i hosts (i - 1) % 3 roles, so the default order differs from the node order.
    int role = 0;
    for (int i = 1; i <= nodes; i++) {
      for (int r = 0; r < (i - 1) % 3; r++) {
        role++;
        builder.role("role-" + role, "n" + i);
      }
    }
    return builder;
  }

  /**
   * Three nodes n1..n3 whose one update, an operating-system upgrade of prefix {@code OS}, installs
   * in 40 minutes and then restarts the node by itself three times, each restart taking
   * {@code reboot}; {@code n1} may add to its node's description.
   */
  static SimulatedCluster selfUpgrading(Duration reboot, Consumer<SimulatedCluster.NodeSpec> n1) {
    SimulatedUpdate upgrade = SimulatedUpdate.of("OS23H2", "Feature update to 23H2")
        .installTaking(Duration.ofMinutes(40)).restartingNodeItself(3);
    Timings d = Timings.defaults();
    return SimulatedCluster.builder("upgrade")
        .timings(new Timings(d.scan(), d.stage(), d.suspend(), reboot, d.softReboot(), d.resume(), d.script(),
            d.storageResync(), d.clusterStop(), d.clusterStart(), d.fileRead()))
        .node("n1", n -> {
          n.updates(upgrade);
          n1.accept(n);
        })
        .node("n2", n -> n.updates(upgrade))
        .node("n3", n -> n.updates(upgrade))
        .role("vm", "n1")
        .build();
  }
}

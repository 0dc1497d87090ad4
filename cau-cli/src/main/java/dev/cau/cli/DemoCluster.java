package dev.cau.cli;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulated cluster {@code cau run} updates when no real cluster is given.
 *
 * <p>Four nodes and a file share witness. The roles are spread unevenly (node-1 hosts three,
 * node-2 two, node-3 one, node-4 none) so that CAU's default order, fewest roles first, shows
 * as node-4, node-3, node-2, node-1. Every node has a cumulative update that needs a restart,
 * a Defender definition update and an update that applies only once the cumulative update is
 * in, found by the re-scan after the restart; all but node-3 have a .NET update, and node-1 a
 * SQL Server update too. Nothing fails: every node ends Succeeded.
 *
 * <p>Its virtual time starts at a given instant: {@link #FIRST_WINDOW} for a run that keeps no
 * history, and a later night for each further run kept in a run store (see {@link DemoRuns}).
 */
final class DemoCluster {
  /** The demo cluster's name. */
  static final String NAME = "demo-cluster";

  /** When the first demo run starts, in virtual time: 03:00 UTC on 20 January 2026. */
  static final Instant FIRST_WINDOW = Instant.parse("2026-01-20T03:00:00Z");

  private static final String CUMULATIVE_UPDATE = "KB5051987";

  private DemoCluster() {}

  /**
   * Builds a fresh demo cluster with its own simulator, so every run starts from the same state.
   *
   * @param start the virtual instant the cluster's simulator starts at
   * @return the cluster, with every update pending
   */
  static SimulatedCluster create(Instant start) {
    return SimulatedCluster.builder(NAME)
        .startingAt(start)
        .node("node-1", n -> n.updates(
            cumulativeUpdate(), dotNetUpdate(), defenderUpdate(), followUpUpdate(),
            SimulatedUpdate.of("KB5046059", "Cumulative Update 17 for SQL Server 2022 (KB5046059)")
                .installTaking(Duration.ofMinutes(9))))
        .node("node-2", n -> n.updates(cumulativeUpdate(), dotNetUpdate(), defenderUpdate(), followUpUpdate()))
        .node("node-3", n -> n.updates(cumulativeUpdate(), defenderUpdate(), followUpUpdate()))
        .node("node-4", n -> n.updates(cumulativeUpdate(), dotNetUpdate(), defenderUpdate(), followUpUpdate()))
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
        .role("SQL Server (MSSQLSERVER)", "node-1")
        .role("vm-web-01", "node-1")
        .role("vm-web-02", "node-1")
        .role("File Server (fs01)", "node-2")
        .role("vm-app-01", "node-2")
        .role("vm-build-01", "node-3")
        .build();
  }

  private static SimulatedUpdate cumulativeUpdate() {
    return SimulatedUpdate.of(CUMULATIVE_UPDATE,
            "2026-01 Cumulative Update for Microsoft server operating system version 24H2 (" + CUMULATIVE_UPDATE + ")")
        .requiringRestart()
        .installTaking(Duration.ofMinutes(12));
  }

  private static SimulatedUpdate dotNetUpdate() {
    return SimulatedUpdate.of("KB5050187",
            "2026-01 Cumulative Update for .NET Framework 3.5 and 4.8.1 (KB5050187)")
        .installTaking(Duration.ofMinutes(4));
  }

  private static SimulatedUpdate defenderUpdate() {
    return SimulatedUpdate.of("KB2267602",
            "Security Intelligence Update for Microsoft Defender Antivirus (KB2267602)")
        .installTaking(Duration.ofMinutes(1));
  }

  private static SimulatedUpdate followUpUpdate() {
    return SimulatedUpdate.of("KB5052093",
            "2026-01 Dynamic Cumulative Update for Microsoft server operating system version 24H2 (KB5052093)")
        .appearingAfter(CUMULATIVE_UPDATE)
        .installTaking(Duration.ofMinutes(3));
  }
}

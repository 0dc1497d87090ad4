package dev.cau.cli;

import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * <p>Each node offers these updates twice: to {@code Cau4j.InMemoryUpdatePlugin}, as the node's
 * simulated updates, and to the real {@code Microsoft.WindowsUpdatePlugin}, CAU's default, as the
 * catalogue of a simulated Windows Update Agent behind the node's PowerShell (see
 * {@link WindowsUpdateAgents}), where they are important updates.
 *
 * <p>Its virtual time starts at a given instant: {@link #FIRST_WINDOW} for a run that keeps no
 * history, and a later night for each further run kept in a run store (see {@link DemoRuns}).
 */
final class DemoCluster {
  /** The demo cluster's name. */
  static final String NAME = "demo-cluster";

  /** When the first demo run starts, in virtual time: 03:00 UTC on 20 January 2026. */
  static final Instant FIRST_WINDOW = Instant.parse("2026-01-20T03:00:00Z");

  private static final DemoUpdate CUMULATIVE = new DemoUpdate("5051987",
      "2026-01 Cumulative Update for Microsoft server operating system version 24H2 (KB5051987)",
      "Security Updates", true, Duration.ofMinutes(12), null);
  private static final DemoUpdate DOT_NET = new DemoUpdate("5050187",
      "2026-01 Cumulative Update for .NET Framework 3.5 and 4.8.1 (KB5050187)",
      "Security Updates", false, Duration.ofMinutes(4), null);
  private static final DemoUpdate DEFENDER = new DemoUpdate("2267602",
      "Security Intelligence Update for Microsoft Defender Antivirus (KB2267602)",
      "Definition Updates", false, Duration.ofMinutes(1), null);
  private static final DemoUpdate FOLLOW_UP = new DemoUpdate("5052093",
      "2026-01 Dynamic Cumulative Update for Microsoft server operating system version 24H2 (KB5052093)",
      "Security Updates", false, Duration.ofMinutes(3), CUMULATIVE);
  private static final DemoUpdate SQL_SERVER = new DemoUpdate("5046059",
      "Cumulative Update 17 for SQL Server 2022 (KB5046059)", "Updates", false, Duration.ofMinutes(9), null);

  /** The nodes, each with the updates it offers. */
  private static final List<DemoNode> NODES = List.of(
      new DemoNode("node-1", List.of(CUMULATIVE, DOT_NET, DEFENDER, FOLLOW_UP, SQL_SERVER)),
      new DemoNode("node-2", List.of(CUMULATIVE, DOT_NET, DEFENDER, FOLLOW_UP)),
      new DemoNode("node-3", List.of(CUMULATIVE, DEFENDER, FOLLOW_UP)),
      new DemoNode("node-4", List.of(CUMULATIVE, DOT_NET, DEFENDER, FOLLOW_UP)));

  private DemoCluster() {}

  /**
   * Builds a fresh demo cluster with its own simulator, so every run starts from the same state,
   * with a simulated Windows Update Agent attached to each node.
   *
   * @param start the virtual instant the cluster's simulator starts at
   * @return the cluster, with every update pending
   */
  static SimulatedCluster create(Instant start) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder(NAME).startingAt(start);
    for (DemoNode node : NODES) {
      builder.node(node.name(), n -> n.updates(node.updates().stream().map(DemoUpdate::simulated)
          .toArray(SimulatedUpdate[]::new)));
    }
    SimulatedCluster cluster = builder
        .witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE)
        .role("SQL Server (MSSQLSERVER)", "node-1")
        .role("vm-web-01", "node-1")
        .role("vm-web-02", "node-1")
        .role("File Server (fs01)", "node-2")
        .role("vm-app-01", "node-2")
        .role("vm-build-01", "node-3")
        .build();
    for (DemoNode node : NODES) {
      WindowsUpdateAgents.attach(cluster.node(node.name()), node.updates().stream().map(DemoUpdate::catalogued).toList());
    }
    return cluster;
  }

  /**
   * One node of the demo.
   *
   * @param name the node's name
   * @param updates the updates it offers, in the order its catalogue lists them
   */
  private record DemoNode(String name, List<DemoUpdate> updates) {}

  /**
   * One update of the demo, described once for both plug-ins.
   *
   * @param kb the KB number, digits only
   * @param title the title
   * @param classification the Windows Update classification
   * @param restart whether installing it needs a restart
   * @param install how long installing it takes
   * @param after the update that must be installed first, or {@code null}
   */
  private record DemoUpdate(
      String kb, String title, String classification, boolean restart, Duration install, @Nullable DemoUpdate after) {
    SimulatedUpdate simulated() {
      SimulatedUpdate update = SimulatedUpdate.of("KB" + kb, title).installTaking(install);
      update = restart ? update.requiringRestart() : update;
      return after == null ? update : update.appearingAfter("KB" + after.kb());
    }

    CatalogueUpdate catalogued() {
      CatalogueUpdate update = CatalogueUpdate.important(kb, title).classification(classification).installTaking(install);
      update = restart ? update.restart(1) : update;
      return after == null ? update : update.appearingAfter(after.catalogued());
    }
  }
}

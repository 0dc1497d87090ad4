package dev.cau.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.NodeOperationException;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.SuspendRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacemakerClusterTests {
  private static final PacemakerSettings SETTINGS = PacemakerSettings.DEFAULTS
      .withRestartCommand(List.of("/usr/bin/touch", "/var/lib/cau-lab/restart-request"))
      .withBootIdFile("/var/lib/cau-lab/boot_id")
      .withDrainTimeout(Duration.ofSeconds(60))
      .withPollInterval(Duration.ofMillis(1));

  private final Map<String, ScriptedRunner> runners = new LinkedHashMap<>();

  private PacemakerCluster cluster(String crmMon, String quorum) {
    for (String node : List.of("node1", "node2", "node3")) {
      runners.put(node, new ScriptedRunner()
          .answer("crm_mon", Recorded.text(crmMon))
          .answer("corosync-quorumtool", Recorded.text(quorum))
          .answer("cat", "boot-of-" + node + "\n"));
    }
    return new PacemakerCluster("cau-lab", runners, SETTINGS);
  }

  @Test
  void aSnapshotHasEveryNodeUpWithCorosyncVotesAndEveryResourceWithItsNode() {
    ClusterSnapshot snapshot = cluster("crm_mon-all-online.xml", "quorumtool-all.txt").snapshot();

    assertThat(snapshot.nodes()).extracting(NodeSnapshot::name, NodeSnapshot::state, NodeSnapshot::voteWeight,
        NodeSnapshot::bootId).containsExactly(
            org.assertj.core.groups.Tuple.tuple("node1", NodeState.UP, 1, "boot-of-node1"),
            org.assertj.core.groups.Tuple.tuple("node2", NodeState.UP, 1, "boot-of-node2"),
            org.assertj.core.groups.Tuple.tuple("node3", NodeState.UP, 1, "boot-of-node3"));
    assertThat(snapshot.roles()).extracting(ClusteredRole::name, ClusteredRole::ownerNode, ClusteredRole::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("web", "node1", RoleState.ONLINE),
            org.assertj.core.groups.Tuple.tuple("db", "node2", RoleState.ONLINE),
            org.assertj.core.groups.Tuple.tuple("queue", "node3", RoleState.ONLINE));
    assertThat(runners.get("node1").calls).contains(List.of("crm_mon", "-1", "--output-as=xml"),
        List.of("corosync-quorumtool", "-s"), List.of("cat", "--", "/var/lib/cau-lab/boot_id"));
    assertThat(runners.get("node2").calls).containsExactly(List.of("cat", "--", "/var/lib/cau-lab/boot_id"));
  }

  @Test
  void aStandbyNodeIsPausedAndAnOfflineNodeIsDownWithoutABootId() {
    assertThat(cluster("crm_mon-node2-standby.xml", "quorumtool-all.txt").snapshot().node("node2"))
        .hasValueSatisfying(n -> assertThat(n.state()).isEqualTo(NodeState.PAUSED));

    NodeSnapshot down = cluster("crm_mon-node2-offline.xml", "quorumtool-node2-down.txt").snapshot()
        .node("node2").orElseThrow();
    assertThat(down.state()).isEqualTo(NodeState.DOWN);
    assertThat(down.bootId()).isEmpty();
    assertThat(down.voteWeight()).isEqualTo(1);
  }

  @Test
  void aSnapshotIsReadOnTheNextNodeWhenTheFirstDoesNotAnswer() {
    cluster("crm_mon-node2-offline.xml", "quorumtool-node2-down.txt");
    runners.put("node1", new ScriptedRunner());
    PacemakerCluster cluster = new PacemakerCluster("cau-lab", runners, SETTINGS);

    ClusterSnapshot snapshot = cluster.snapshot();

    assertThat(snapshot.nodes()).hasSize(3);
    assertThat(runners.get("node2").calls).contains(List.of("crm_mon", "-1", "--output-as=xml"));
  }

  @Test
  void aSnapshotFailsNamingEveryNodeWhenNoneAnswers() {
    runners.put("node1", new ScriptedRunner());
    runners.put("node2", new ScriptedRunner());
    PacemakerCluster cluster = new PacemakerCluster("cau-lab", runners, SETTINGS);

    assertThatThrownBy(cluster::snapshot).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("No node of cluster \"cau-lab\" answered")
        .hasMessageContaining("node1: Node \"node1\" could not run crm_mon: connection refused")
        .hasMessageContaining("node2:");
  }

  @Test
  void suspendPutsTheNodeInStandbyAndWaitsForTheClusterToSettle() {
    PacemakerCluster cluster = cluster("crm_mon-node2-standby.xml", "quorumtool-all.txt");
    runners.get("node2").answer("crm_attribute", "").answer("crm_resource", "");

    cluster.node("node2").suspend(SuspendRequest.DEFAULT, TestContexts.context("node2"));

    assertThat(runners.get("node2").calls).containsSubsequence(
        List.of("crm_attribute", "--node", "node2", "--name", "standby", "--update", "on", "--lifetime", "forever"),
        List.of("crm_resource", "--wait", "--timeout=60s"),
        List.of("crm_mon", "-1", "--output-as=xml"));
  }

  @Test
  void suspendFailsWhenTheClusterDoesNotSettleInTime() {
    PacemakerCluster cluster = cluster("crm_mon-all-online.xml", "quorumtool-all.txt");
    runners.get("node2").answer("crm_attribute", "")
        .answer("crm_resource", () -> new ProgramResult(124, "", "Timed out\n", false));

    assertThatThrownBy(() -> cluster.node("node2").suspend(SuspendRequest.DEFAULT, TestContexts.context("node2")))
        .isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("did not settle within 60 s after node \"node2\" changed standby")
        .hasMessageContaining("exit code 124: Timed out");
  }

  @Test
  void suspendFailsWhenResourcesStillRunOnTheNode() {
    PacemakerCluster cluster = cluster("crm_mon-all-online.xml", "quorumtool-all.txt");
    runners.get("node2").answer("crm_attribute", "").answer("crm_resource", "");

    assertThatThrownBy(() -> cluster.node("node2").suspend(SuspendRequest.DEFAULT, TestContexts.context("node2")))
        .hasMessage("Node \"node2\" is in standby but still runs db after the cluster settled");
  }

  @Test
  void resumeTakesTheNodeOutOfStandbyAndWaitsUnlessNoFailback() {
    PacemakerCluster cluster = cluster("crm_mon-all-online.xml", "quorumtool-all.txt");
    runners.get("node2").answer("crm_attribute", "").answer("crm_resource", "");

    cluster.node("node2").resume(FailbackMode.NO_FAILBACK, TestContexts.context("node2"));
    cluster.node("node2").resume(FailbackMode.IMMEDIATE, TestContexts.context("node2"));

    assertThat(runners.get("node2").calls).containsExactly(
        List.of("crm_attribute", "--node", "node2", "--name", "standby", "--update", "off", "--lifetime", "forever"),
        List.of("crm_attribute", "--node", "node2", "--name", "standby", "--update", "off", "--lifetime", "forever"),
        List.of("crm_resource", "--wait", "--timeout=60s"));
  }

  @Test
  void restartRunsTheConfiguredCommandAndReadinessWaitsForANewBootIdentity() {
    PacemakerCluster cluster = cluster("crm_mon-all-online.xml", "quorumtool-all.txt");
    int[] reads = {0};
    runners.get("node3").answer("/usr/bin/touch", "")
        .answer("cat", () -> new ProgramResult(0, reads[0]++ < 3 ? "old-boot\n" : "new-boot\n", "", false));

    RebootMode mode = cluster.node("node3").restart(RebootMode.SOFT, TestContexts.context("node3"));
    boolean ready = cluster.node("node3").awaitReady(Duration.ofSeconds(30), TestContexts.context("node3"));

    assertThat(mode).isEqualTo(RebootMode.FULL);
    assertThat(ready).isTrue();
    assertThat(reads[0]).isEqualTo(4);
    assertThat(runners.get("node3").calls).contains(List.of("/usr/bin/touch", "/var/lib/cau-lab/restart-request"));
  }

  @Test
  void readinessGivesUpAtTheTimeoutWhileTheNodeIsOffline() {
    PacemakerCluster cluster = cluster("crm_mon-node2-offline.xml", "quorumtool-node2-down.txt");

    assertThat(cluster.node("node2").awaitReady(Duration.ofMillis(50), TestContexts.context("node2"))).isFalse();
  }

  @Test
  void aFailedRestartCommandFailsTheNodeNamingTheCommand() {
    PacemakerCluster cluster = cluster("crm_mon-all-online.xml", "quorumtool-all.txt");
    runners.get("node1").answer("/usr/bin/touch", () -> new ProgramResult(1, "", "Permission denied\n", false));

    assertThatThrownBy(() -> cluster.node("node1").restart(RebootMode.FULL, TestContexts.context("node1")))
        .hasMessage("/usr/bin/touch /var/lib/cau-lab/restart-request on node \"node1\" ended with exit code 1:"
            + " Permission denied");
  }

  @Test
  void aPendingRestartIsDebiansRebootRequiredFile() {
    PacemakerCluster cluster = cluster("crm_mon-all-online.xml", "quorumtool-all.txt");
    runners.get("node1").answer("test", () -> new ProgramResult(0, "", "", false));
    runners.get("node2").answer("test", () -> new ProgramResult(1, "", "", false));

    assertThat(cluster.node("node1").pendingRestart(TestContexts.context("node1"))).isEqualTo(PendingRestart.PENDING);
    assertThat(cluster.node("node2").pendingRestart(TestContexts.context("node2"))).isEqualTo(PendingRestart.NONE);
    assertThat(runners.get("node1").calls).contains(List.of("test", "-e", "/run/reboot-required"));
  }

  @Test
  void anUnknownNodeIsRefusedNamingTheNodes() {
    assertThatThrownBy(() -> cluster("crm_mon-all-online.xml", "quorumtool-all.txt").node("node9"))
        .hasMessage("Cluster \"cau-lab\" has no node \"node9\"; its nodes are node1, node2, node3");
  }
}

package dev.cau.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.SuspendRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The backend against the real three-node lab cluster (scripts/ha-lab), reached through nsenter. */
@ExtendWith(LabLogsOnFailure.class)
class PacemakerLabTests {
  private HaLab lab;
  private PacemakerCluster cluster;

  @BeforeEach
  void lab() {
    lab = HaLab.require();
    cluster = lab.cluster(HaLab.labSettings());
  }

  @AfterEach
  void restore() {
    if (lab != null) {
      lab.restore();
    }
  }

  @Test
  void aSnapshotShowsEveryNodeUpWithItsVoteAndBootIdentityAndEveryResourceOnline() throws Exception {
    ClusterSnapshot snapshot = cluster.snapshot();

    assertThat(snapshot.nodes()).extracting(NodeSnapshot::name).containsExactly("node1", "node2", "node3");
    for (NodeSnapshot node : snapshot.nodes()) {
      assertThat(node.state()).isEqualTo(NodeState.UP);
      assertThat(node.voteWeight()).isEqualTo(1);
      assertThat(node.bootId()).isEqualTo(lab.bootId(node.name()));
    }
    assertThat(snapshot.roles()).extracting(ClusteredRole::name).containsExactlyInAnyOrder("web", "db", "queue");
    assertThat(snapshot.roles()).allMatch(r -> r.state() == RoleState.ONLINE && !r.ownerNode().isEmpty());
  }

  @Test
  void suspendDrainsTheNodeIntoStandbyAndResumeBringsItBack() {
    NodeController node1 = cluster.node("node1");

    node1.suspend(SuspendRequest.DEFAULT, TestContexts.context("node1"));
    ClusterSnapshot drained = cluster.snapshot();
    node1.resume(FailbackMode.IMMEDIATE, TestContexts.context("node1"));
    ClusterSnapshot resumed = cluster.snapshot();

    assertThat(drained.node("node1").orElseThrow().state()).isEqualTo(NodeState.PAUSED);
    assertThat(drained.rolesOwnedBy("node1")).isEmpty();
    assertThat(drained.roles()).hasSize(3).allMatch(r -> r.state() == RoleState.ONLINE);
    assertThat(resumed.node("node1").orElseThrow().state()).isEqualTo(NodeState.UP);
  }

  @Test
  void restartStopsAndStartsTheNodesDaemonsAndReadinessWaitsForItsReturn() throws Exception {
    NodeController node3 = cluster.node("node3");
    String before = lab.bootId("node3");
    node3.suspend(SuspendRequest.DEFAULT, TestContexts.context("node3"));

    RebootMode mode = node3.restart(RebootMode.FULL, TestContexts.context("node3"));
    boolean ready = node3.awaitReady(Duration.ofSeconds(90), TestContexts.context("node3"));

    assertThat(mode).isEqualTo(RebootMode.FULL);
    assertThat(ready).isTrue();
    assertThat(lab.bootId("node3")).isNotEqualTo(before);
    assertThat(java.nio.file.Files.readString(HaLab.STATE.resolve("events.log")))
        .as("the supervisor stopped node3's daemons before it booted again").contains("stop node3");
    NodeSnapshot back = cluster.snapshot().node("node3").orElseThrow();
    assertThat(back.state()).as("standby survives a restart, as on real machines").isEqualTo(NodeState.PAUSED);
    assertThat(back.bootId()).isEqualTo(lab.bootId("node3"));
  }

  @Test
  void aStoppedNodeIsDownInTheSnapshotAndNotReady() {
    lab.lab("stop-node", "node2");

    ClusterSnapshot snapshot = cluster.snapshot();

    assertThat(snapshot.node("node2").orElseThrow().state()).isEqualTo(NodeState.DOWN);
    assertThat(snapshot.node("node2").orElseThrow().bootId()).isEmpty();
    assertThat(cluster.node("node2").awaitReady(Duration.ofSeconds(2), TestContexts.context("node2"))).isFalse();
  }

  @Test
  void aPendingRestartIsReadFromTheNode() {
    lab.exec("node1", "/usr/bin/touch", "/run/reboot-required");

    assertThat(cluster.node("node1").pendingRestart(TestContexts.context("node1"))).isEqualTo(PendingRestart.PENDING);
    assertThat(cluster.node("node2").pendingRestart(TestContexts.context("node2"))).isEqualTo(PendingRestart.NONE);
  }
}

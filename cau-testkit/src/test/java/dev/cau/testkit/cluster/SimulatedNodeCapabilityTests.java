package dev.cau.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.NodeOperationException;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.RemoteShutdownFirewall;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capabilities a test offers or withdraws, and pending restarts. */
class SimulatedNodeCapabilityTests {
  /** A capability a vendor plug-in defines. */
  interface VendorAgent {
    String version();
  }

  private final SimulatedCluster cluster = SimulatedCluster.builder("caps")
      .node("n1", n -> n.remoteShutdownRule(true).updates(SimulatedUpdate.of("KB1", "Update").requiringRestart()))
      .node("n2")
      .build();
  private final SimulatedNode node = cluster.node("n1");
  private final ConformanceContext context = ConformanceContext.on(ConformanceNode.empty());

  @Test
  void aNodeOffersATypedCapabilityATestRegisters() {
    VendorAgent agent = () -> "1.0";

    assertThat(node.offer(VendorAgent.class, agent)).isSameAs(node);

    assertThat(node.capability(VendorAgent.class)).containsSame(agent);
    assertThat(cluster.node("n2").capability(VendorAgent.class)).isEmpty();
    assertThat(node.capability(UpdateCatalog.class)).containsSame(node);
    assertThat(node.capability(RemoteShutdownFirewall.class)).isPresent();
  }

  @Test
  void everyNodeOffersItsFilesAndProgramsUnlessWithdrawn() {
    assertThat(node.capability(NodeFiles.class)).containsSame(node.files());
    assertThat(node.capability(ProgramRunner.class)).containsSame(node.programs());

    node.withdraw(NodeFiles.class).withdraw(ProgramRunner.class);

    assertThat(node.capability(NodeFiles.class)).isEmpty();
    assertThat(node.capability(ProgramRunner.class)).isEmpty();
    assertThat(cluster.node("n2").capability(NodeFiles.class)).isPresent();
  }

  @Test
  void aWithdrawnCapabilityIsOfferedAgainWhenATestOffersIt() {
    VendorAgent agent = () -> "1.0";
    node.offer(VendorAgent.class, agent).withdraw(VendorAgent.class);
    assertThat(node.capability(VendorAgent.class)).isEmpty();

    node.offer(VendorAgent.class, agent);

    assertThat(node.capability(VendorAgent.class)).containsSame(agent);
  }

  @Test
  void anOfferedRunnerReplacesTheNodesOwn() {
    ProgramRunner mine = (request, ctx) -> {
      throw new NodeOperationException("n1", "no");
    };

    node.offer(ProgramRunner.class, mine);

    assertThat(node.capability(ProgramRunner.class)).containsSame(mine);
  }

  @Test
  void theModelledCapabilitiesCannotBeReplacedButCanBeWithdrawn() {
    assertThatThrownBy(() -> node.offer(UpdateCatalog.class, node)).isInstanceOf(IllegalArgumentException.class);

    node.withdraw(UpdateCatalog.class);

    assertThat(node.capability(UpdateCatalog.class)).isEmpty();
  }

  @Test
  void aPlantedPendingRestartIsReportedUntilTheNodeRestarts() {
    assertThat(node.pendingRestart(context)).isEqualTo(PendingRestart.NONE);

    node.plantPendingRestart();
    assertThat(node.pendingRestart(context)).isEqualTo(PendingRestart.PENDING);
    assertThat(node.restartPending()).isTrue();

    node.restart(RebootMode.FULL, context);
    assertThat(node.awaitReady(Duration.ofHours(1), context)).isTrue();

    assertThat(node.pendingRestart(context)).isEqualTo(PendingRestart.NONE);
  }

  @Test
  void installingAnUpdateThatNeedsARestartLeavesOnePending() {
    node.install(node.scan(), context.cancellation(), cluster.simulator().clock());

    assertThat(node.pendingRestart(context)).isEqualTo(PendingRestart.PENDING);

    node.restart(RebootMode.FULL, context);
    node.awaitReady(Duration.ofHours(1), context);

    assertThat(node.pendingRestart(context)).isEqualTo(PendingRestart.NONE);
  }

  @Test
  void aTestCalledAwaitReadySeesTheNodeBackWithANewBootIdentity() {
    String before = node.bootId();

    node.restart(RebootMode.FULL, context);

    assertThat(node.bootId()).isEmpty();
    assertThat(node.awaitReady(Duration.ofHours(1), context)).isTrue();
    assertThat(node.bootId()).isNotEmpty().isNotEqualTo(before);
    assertThat(cluster.snapshot().node("n1").orElseThrow().bootId()).isEqualTo(node.bootId());
  }

  @Test
  void bootActionsRunEachTimeTheNodeComesBack() {
    List<String> boots = new ArrayList<>();
    node.onBoot(() -> boots.add(node.bootId()));

    node.restart(RebootMode.FULL, context);
    node.awaitReady(Duration.ofHours(1), context);

    assertThat(boots).containsExactly("n1/boot-2");
  }
}

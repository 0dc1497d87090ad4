package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.report.ReportExporter;
import dev.cau.core.role.CauClusterRole;
import dev.cau.core.role.RoleConfiguration;
import dev.cau.core.schedule.UpdateSchedule;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import dev.cau.testkit.scenario.InvariantChecker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Self-updating mode: the coordinator runs as the CAU role and moves off its node to update it. */
class SelfUpdatingTests {
  private static final String ROLE = "CAU-c6";
  private static final RunOptions OPTIONS = Simulation.options()
      .nodeOrder(List.of("n1", "n2", "n3", "n4", "n5", "n6"))
      .build();

  private final SimulatedCluster cluster = Clusters.cluster(6, true).role(ROLE, "n3").build();
  private final CauClusterRole role = CauClusterRole.of(cluster, cluster.store(),
      PluginRegistry.builder().register(new InMemoryUpdatePluginProvider()).build());

  @Test
  void theCoordinatorMovesOffItsNodeMidRunAndTheRunEndsWithEveryNodeUpdatedOnce() {
    role.add(RoleConfiguration.builder(ROLE).options(OPTIONS)
        .defaultSchedule(ZoneId.of("UTC"), cluster.simulator().now().atZone(ZoneId.of("UTC")).toLocalDate())
        .build());
    role.updateNow();

    SelfUpdatingSimulation simulation = SelfUpdatingSimulation.start(cluster, ROLE, Duration.ofMinutes(1), List.of());
    cluster.simulator().runUntil(simulation::lastRunEnded);

    // The role leaves n3 when n3's turn comes, and leaves its next node too if that one comes later.
    List<UpdatingRun> runs = simulation.runs();
    assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
    assertThat(runs).extracting(UpdatingRun::runId).containsOnly(runs.get(0).runId());
    RunResult result = runs.get(runs.size() - 1).completion().join();
    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(result.coordinators()).hasSize(runs.size()).first().isEqualTo("cau-n3-1");
    String second = result.coordinators().get(1);
    assertThat(second).startsWith("cau-n").endsWith("-2").isNotEqualTo("cau-n3-2");
    assertThat(cluster.lock().history()).extracting(l -> l.owner()).containsExactlyElementsOf(result.coordinators());
    assertThat(cluster.lock().history()).extracting(l -> l.host())
        .containsExactlyElementsOf(result.coordinators().stream().map(c -> c.substring(4, c.lastIndexOf('-'))).toList());
    for (SimulatedNode node : cluster.nodes()) {
      assertThat(node.installedUpdates()).as(node.name()).hasSize(4);
      node.installedUpdates().forEach(u -> assertThat(node.installCount(u)).as("%s on %s", u, node.name()).isEqualTo(1));
    }
    assertThat(cluster.snapshot().nodes()).allSatisfy(n -> assertThat(n.state()).isEqualTo(NodeState.UP));
    assertThat(InvariantChecker.checkSingleCoordinator(cluster.lock().history(), simulation.calls())).isEmpty();
    assertThat(role.get().orElseThrow().updateNowRequested()).isFalse();
    String html = ReportExporter.toHtml(List.of(result), ZoneId.of("UTC"));
    assertThat(html).contains("Coordinators").contains(String.join(", ", result.coordinators()));
    assertThat(simulation.coordinators().get(1).events()).anySatisfy(e -> assertThat(e.toString())
        .contains("took the run over from \"cau-n3-1\""));
  }

  @Test
  void aScheduledRunStartsAtItsTriggerInTheRolesTimeZone() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    UpdateSchedule weekly = UpdateSchedule.weekly(Set.of(DayOfWeek.THURSDAY), 1)
        .startDate(LocalDateTime.of(2026, 1, 1, 3, 0), paris)
        .build();
    role.add(RoleConfiguration.builder(ROLE).options(OPTIONS).schedule(weekly).build());
    ZonedDateTime trigger = role.nextRun(cluster.simulator().now()).orElseThrow();

    SelfUpdatingSimulation simulation = SelfUpdatingSimulation.start(cluster, ROLE, Duration.ofMinutes(1), List.of());
    cluster.simulator().runUntil(simulation::lastRunEnded);

    // 2026-01-20 is a Tuesday: the run waits for Thursday 03:00 in Paris, 02:00 UTC.
    assertThat(trigger).isEqualTo(ZonedDateTime.of(2026, 1, 22, 3, 0, 0, 0, paris));
    RunResult result = simulation.runs().get(simulation.runs().size() - 1).completion().join();
    assertThat(result.startedAt()).isEqualTo(trigger.toInstant());
    assertThat(result.status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(role.nextRun(result.finishedAt())).contains(ZonedDateTime.of(2026, 1, 29, 3, 0, 0, 0, paris));
  }

  @Test
  void aRoleThatCannotMoveIsRefusedBeforeAnyNodeIsTouched() {
    SimulatedCluster pinned = Clusters.cluster(4, true).role("CAU-c4", "n2", List.of("n2")).build();
    SimulatedCoordinator coordinator = SimulatedCoordinator.builder(pinned,
        CoordinatorIdentity.selfUpdating("cau-n2", "n2", "CAU-c4")).build();

    assertThatThrownBy(() -> coordinator.coordinator().start(Simulation.options().build()))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("CAU-c4")
        .hasMessageContaining("at least two possible owner nodes");
    assertThat(pinned.steps()).isEmpty();
    assertThat(pinned.lock().read()).isEmpty();
  }

  @Test
  void aCoordinatorNotOnTheRolesNodeIsRefused() {
    SimulatedCoordinator elsewhere = SimulatedCoordinator.builder(cluster,
        CoordinatorIdentity.selfUpdating("cau-n1", "n1", ROLE)).build();

    assertThatThrownBy(() -> elsewhere.coordinator().start(OPTIONS))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("owned by \"n3\"");
  }
}

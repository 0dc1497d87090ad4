package dev.cau.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.cluster.ClusteredRole;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.role.CauClusterRole;
import dev.cau.core.role.InvalidRoleConfigurationException;
import dev.cau.core.role.RoleConfiguration;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planting problems with the self-updating role that readiness checks must report. */
class SelfUpdatingRoleFaultTests {
  private static final String ROLE = "CAU-lab";

  private final SimulatedCluster cluster = SimulatedCluster.builder("lab")
      .node("n1").node("n2").node("n3").role(ROLE, "n1").build();
  private final CauClusterRole role = CauClusterRole.of(cluster,
      PluginRegistry.builder().register(new InMemoryUpdatePluginProvider()).build());

  private void addConfiguration() {
    role.add(RoleConfiguration.builder(ROLE)
        .options(Simulation.options().warnAfter(Duration.ofHours(1)).stopAfter(Duration.ofHours(2)).build())
        .defaultSchedule(ZoneId.of("UTC"), cluster.simulator().now().atZone(ZoneId.of("UTC")).toLocalDate())
        .build());
  }

  @Test
  void aStoredConfigurationWhoseWarnAfterIsNotBelowStopAfterCanBePlanted() {
    addConfiguration();
    assertThat(role.get()).isPresent();

    RoleConfigurationFaults.warnAfterNotBelowStopAfter(cluster);

    assertThat(cluster.store().roleConfiguration().orElseThrow()).contains("WarnAfter = ").contains("StopAfter = ");
    assertThatThrownBy(role::get).isInstanceOf(InvalidRoleConfigurationException.class)
        .hasMessageContaining("WarnAfter");
  }

  @Test
  void withoutAStoredConfigurationThereIsNothingToDamage() {
    assertThatThrownBy(() -> RoleConfigurationFaults.warnAfterNotBelowStopAfter(cluster))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theCauRoleCanBeLeftWithOnePossibleOwnerAfterItWasAdded() {
    addConfiguration();

    cluster.possibleOwners(ROLE, List.of("n1"));

    assertThat(cluster.snapshot().roles()).filteredOn(r -> r.name().equals(ROLE))
        .extracting(ClusteredRole::possibleOwners).containsExactly(List.of("n1"));
    assertThatThrownBy(() -> cluster.possibleOwners(ROLE, List.of("n9"))).isInstanceOf(IllegalArgumentException.class);
  }
}

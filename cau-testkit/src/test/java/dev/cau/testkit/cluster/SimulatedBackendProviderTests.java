package dev.cau.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.BackendSetting;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeDescription;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.Witness;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.core.plugin.ClusterBackends;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedBackendProviderTests {
  @Test
  void isFoundByNameThroughServiceLoader() {
    ClusterBackends backends = ClusterBackends.discover(SimulatedBackendProvider.class.getClassLoader());

    assertThat(backends.names()).contains(SimulatedBackendProvider.NAME);
    assertThat(backends.require("simulated", "test")).isInstanceOf(SimulatedBackendProvider.class);
    assertThat(backends.problems()).isEmpty();
  }

  @Test
  void anUnknownBackendNameIsRefusedListingTheOfferedOnes() {
    ClusterBackends backends = ClusterBackends.discover(SimulatedBackendProvider.class.getClassLoader());

    assertThatThrownBy(() -> backends.require("pacemaker", "\"c.json\" line 2"))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"backend\" must be one of \"simulated\", but was \"pacemaker\" at \"c.json\" line 2");
  }

  @Test
  void buildsTheDescribedShape() {
    ClusterDescription description = new ClusterDescription("lab", "simulated",
        List.of(setting("witness", "disk"), setting("witness-online", "false")),
        List.of(node("a", setting("roles", "sql, web"), setting("restart-updates", "KB1")),
            node("b", setting("weight", "0"), setting("updates", "KB2,KB3"))),
        "test");

    ClusterController cluster = new SimulatedBackendProvider().create(description);
    ClusterSnapshot snapshot = cluster.snapshot();

    assertThat(snapshot.name()).isEqualTo("lab");
    assertThat(snapshot.nodes()).extracting(NodeSnapshot::name, NodeSnapshot::voteWeight)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1), org.assertj.core.groups.Tuple.tuple("b", 0));
    assertThat(snapshot.witness()).isEqualTo(new Witness(WitnessKind.DISK, WitnessState.OFFLINE));
    assertThat(snapshot.rolesOwnedBy("a")).extracting(role -> role.name()).containsExactly("sql", "web");
  }

  @Test
  void anUnknownNodeKeyIsRefusedNamingItsLineAndTheAllowedKeys() {
    ClusterDescription description = new ClusterDescription("lab", "simulated", List.of(),
        List.of(node("a", new BackendSetting("wieght", "1", "\"c.json\" line 4"))), "test");

    assertThatThrownBy(() -> new SimulatedBackendProvider().create(description))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"wieght\" at \"c.json\" line 4")
        .hasMessageContaining("\"weight\", \"updates\", \"restart-updates\", \"roles\", \"fault\"");
  }

  @Test
  void aRoleOnTwoNodesIsRefused() {
    ClusterDescription description = new ClusterDescription("lab", "simulated", List.of(),
        List.of(node("a", setting("roles", "sql")), node("b", setting("roles", "sql"))), "test");

    assertThatThrownBy(() -> new SimulatedBackendProvider().create(description))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"sql\" is named twice");
  }

  @Test
  void aDuplicateNodeNameIsRefused() {
    ClusterDescription description = new ClusterDescription("lab", "simulated", List.of(),
        List.of(node("a"), node("a")), "test");

    assertThatThrownBy(() -> new SimulatedBackendProvider().create(description))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"a\"").hasMessageContaining("used once");
  }

  private static BackendSetting setting(String key, String value) {
    return new BackendSetting(key, value, "test");
  }

  private static NodeDescription node(String name, BackendSetting... settings) {
    return new NodeDescription(name, List.of(settings), "test");
  }
}

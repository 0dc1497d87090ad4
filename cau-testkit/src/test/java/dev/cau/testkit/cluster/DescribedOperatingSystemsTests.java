package dev.cau.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.BackendSetting;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.NodeDescription;
import dev.cau.api.plugin.Update;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated backend's feature-update settings: OS version and build, offers, functional level, pool. */
class DescribedOperatingSystemsTests {
  @Test
  void nodesRunTheDescribedBuildAndAreOfferedTheDescribedFeatureUpdate() {
    SimulatedCluster cluster = create(List.of(at("functional-level", "11", 3), at("storage-pool-version", "10", 4)),
        node("a", at("os-version", "22H2", 6), at("os-build", "20349.2322", 6), at("feature-update", "23H2 25398.469", 6)),
        node("b", at("os-version", "22H2", 7), at("os-build", "20349.2322", 7), at("feature-update", "none", 7)));

    assertThat(cluster.node("a").osVersion()).isEqualTo("22H2");
    assertThat(cluster.node("a").osBuild()).isEqualTo("20349.2322");
    Update offer = cluster.node("a").scan().get(0);
    assertThat(offer.id()).startsWith(DescribedOperatingSystems.FEATURE_UPDATE_PREFIX);
    assertThat(offer.facts().targetVersion()).isEqualTo("23H2");
    assertThat(offer.facts().targetBuild()).isEqualTo("25398.469");
    assertThat(cluster.node("b").scan()).isEmpty();
    var context = ConformanceContext.on(ConformanceNode.empty());
    assertThat(cluster.functionalLevel(context).current()).isEqualTo(11);
    assertThat(cluster.functionalLevel(context).canRaise()).isFalse();
    assertThat(cluster.storagePoolVersion(context).version()).isEqualTo("10");
    assertThat(cluster.storagePoolVersion(context).upgradeAvailable()).isTrue();
  }

  @Test
  void aBuildThatIsNotBuildDotRevisionIsRefusedNamingKeyAndLine() {
    assertThatThrownBy(() -> create(List.of(),
        node("a", at("os-version", "22H2", 5), at("os-build", "20349", 6))))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"os-build\" must be a build and revision such as 20349.2322, but was \"20349\" at \"c.json\" line 6");
  }

  @Test
  void aVersionWithoutItsBuildIsRefusedNamingTheNode() {
    assertThatThrownBy(() -> create(List.of(), node("a", at("os-version", "22H2", 5))))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"os-build\"").hasMessageContaining("node \"a\"");
  }

  @Test
  void anOfferThatIsNotVersionAndBuildOrNotNewerIsRefusedNamingKeyAndLine() {
    assertThatThrownBy(() -> create(List.of(),
        node("a", at("os-version", "22H2", 5), at("os-build", "20349.2322", 5), at("feature-update", "23H2", 7))))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageStartingWith("\"feature-update\" must be none, or the target version and build")
        .hasMessageEndingWith("but was \"23H2\" at \"c.json\" line 7");
    assertThatThrownBy(() -> create(List.of(),
        node("a", at("os-version", "22H2", 5), at("os-build", "20349.2322", 5), at("feature-update", "21H2 20348.643", 8))))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"feature-update\" must be a target build newer than the node's os-build 20349.2322, but was"
            + " \"21H2 20348.643\" at \"c.json\" line 8");
  }

  @Test
  void aFunctionalLevelThatIsNotAWholeNumberIsRefusedNamingKeyAndLine() {
    assertThatThrownBy(() -> create(List.of(at("functional-level", "eleven", 3)), node("a")))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"functional-level\" must be a whole number from 1 to 999, such as 11, but was \"eleven\" at"
            + " \"c.json\" line 3");
    assertThatThrownBy(() -> create(List.of(at("storage-pool-version", "v10", 4)), node("a")))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("\"storage-pool-version\" must be a whole number");
  }

  private static SimulatedCluster create(List<BackendSetting> settings, NodeDescription... nodes) {
    return new SimulatedBackendProvider().create(new ClusterDescription("c", "simulated", settings, List.of(nodes),
        "\"c.json\""));
  }

  private static BackendSetting at(String key, String value, int line) {
    return new BackendSetting(key, value, "\"c.json\" line " + line);
  }

  private static NodeDescription node(String name, BackendSetting... settings) {
    return new NodeDescription(name, List.of(settings), "\"c.json\" line 5");
  }
}

package dev.cau.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSnapshotTests {
  private static NodeSnapshot node(String name) {
    return new NodeSnapshot(name, NodeState.UP, 1, FaultDomain.NONE);
  }

  private static ClusterSnapshot cluster(List<NodeSnapshot> nodes) {
    return new ClusterSnapshot("c", nodes, Witness.NONE, List.of(), StorageHealth.HEALTHY);
  }

  @Test
  void aNodeListedTwiceIsRefusedNamingIt() {
    assertThatThrownBy(() -> cluster(List.of(node("n1"), node("n2"), node("n1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cluster \"c\" lists node \"n1\" twice");
  }

  @Test
  void namesWithTheSameHashAreStillDifferentNodes() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(cluster(List.of(node("Aa"), node("BB"))).nodes()).hasSize(2);
    assertThatThrownBy(() -> cluster(List.of(node("Aa"), node("BB"), node("BB"))))
        .hasMessageContaining("\"BB\" twice");
  }

  @Test
  void manyNodesAndNoneAtAll() {
    List<NodeSnapshot> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(node("node-" + i));
    }
    assertThat(cluster(nodes).nodes()).hasSize(1000);
    assertThat(cluster(List.of()).nodes()).isEmpty();
    nodes.add(node("node-999"));
    assertThatThrownBy(() -> cluster(nodes)).hasMessageContaining("\"node-999\" twice");
  }
}

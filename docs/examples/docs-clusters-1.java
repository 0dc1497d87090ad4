// docs/clusters.md: a product picks a cluster backend by name. Compiled.
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.core.plugin.ClusterBackends;

class ClusterBackendExample {
  /** Stands for the embedding product's own configuration. */
  interface ProductConfiguration {
    ClusterDescription cluster();
  }

  ClusterController connect(ProductConfiguration productConfiguration) {
    // @example
    return cluster;
  }
}

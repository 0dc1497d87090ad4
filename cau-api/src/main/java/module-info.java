/**
 * The service provider interface of cau4j.
 *
 * <p>Management products implement {@link dev.cau.api.cluster.ClusterController} and
 * {@link dev.cau.api.cluster.NodeController} for their cluster technology; plug-in authors
 * implement {@link dev.cau.api.plugin.UpdatePlugin} and register an
 * {@link dev.cau.api.plugin.UpdatePluginProvider}. Everything here is an interface, an immutable
 * value, an event or an exception: the engine lives in {@code dev.cau.core}.
 */
module dev.cau.api {
  requires static transitive org.jspecify;
  requires static transitive org.apiguardian.api;

  exports dev.cau.api;
  exports dev.cau.api.capability;
  exports dev.cau.api.cluster;
  exports dev.cau.api.event;
  exports dev.cau.api.plugin;
  exports dev.cau.api.readiness;
  exports dev.cau.api.result;
}

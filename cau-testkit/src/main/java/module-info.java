/**
 * The cau4j testkit: an in-memory cluster and a deterministic simulator that drives the real
 * engine in virtual time, and the conformance kit that plug-in authors run against their
 * plug-ins ({@code dev.cau.testkit.conformance}).
 */
module dev.cau.testkit {
  requires transitive dev.cau.api;
  requires transitive dev.cau.core;
  requires static transitive org.jspecify;
  requires static transitive org.apiguardian.api;

  exports dev.cau.testkit;
  exports dev.cau.testkit.cluster;
  exports dev.cau.testkit.conformance;
  exports dev.cau.testkit.plugin;
  exports dev.cau.testkit.scenario;

  provides dev.cau.api.plugin.UpdatePluginProvider with
      dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
  provides dev.cau.api.cluster.ClusterBackendProvider with
      dev.cau.testkit.cluster.SimulatedBackendProvider;
}

/**
 * A cluster backend for Pacemaker/Corosync clusters: the snapshot from {@code crm_mon} and
 * {@code corosync-quorumtool}, suspend as node standby, restart through a configurable command,
 * readiness as the node back online with a new boot identity. Nodes are reached over SSH. Start at
 * {@link dev.cau.pacemaker.PacemakerBackendProvider} (cluster files) or
 * {@link dev.cau.pacemaker.PacemakerCluster} (embedding products).
 */
module dev.cau.pacemaker {
  requires transitive dev.cau.api;
  requires static transitive org.jspecify;
  requires dev.cau.transport.ssh;
  requires java.xml;

  exports dev.cau.pacemaker;

  provides dev.cau.api.cluster.ClusterBackendProvider with
      dev.cau.pacemaker.PacemakerBackendProvider;
}

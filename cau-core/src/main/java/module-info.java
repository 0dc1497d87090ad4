/**
 * The cau4j engine: start an updating run with {@link dev.cau.core.UpdateCoordinator}.
 *
 * <p>The run's state machine lives in {@code dev.cau.core.engine}, which is not exported; the
 * quorum guard in {@link dev.cau.core.quorum}; plug-in discovery in {@link dev.cau.core.plugin};
 * saved run profiles in {@link dev.cau.core.profile}; self-updating schedules in
 * {@link dev.cau.core.schedule}; the self-updating role's configuration in
 * {@link dev.cau.core.role}; CSV, HTML and JSON reports of finished runs and their history in
 * {@link dev.cau.core.report}; stored run journals and a file-based run store in
 * {@link dev.cau.core.store}; the single-coordinator lock in {@link dev.cau.core.lock}; run status
 * ({@code Get-CauRun}) in {@link dev.cau.core.status}; the wording of counts in messages in
 * {@link dev.cau.core.text}.
 */
module dev.cau.core {
  requires transitive dev.cau.api;
  requires static transitive org.jspecify;
  requires static transitive org.apiguardian.api;
  requires java.xml;
  requires org.slf4j;

  exports dev.cau.core;
  exports dev.cau.core.featureupdate;
  exports dev.cau.core.journal;
  exports dev.cau.core.lock;
  exports dev.cau.core.options;
  exports dev.cau.core.plugin;
  exports dev.cau.core.policy;
  exports dev.cau.core.profile;
  exports dev.cau.core.quorum;
  exports dev.cau.core.readiness;
  exports dev.cau.core.report;
  exports dev.cau.core.role;
  exports dev.cau.core.scan;
  exports dev.cau.core.schedule;
  exports dev.cau.core.status;
  exports dev.cau.core.store;
  exports dev.cau.core.text;

  uses dev.cau.api.plugin.UpdatePluginProvider;
  uses dev.cau.api.cluster.ClusterBackendProvider;
}

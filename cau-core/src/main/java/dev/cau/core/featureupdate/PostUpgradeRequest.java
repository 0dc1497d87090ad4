package dev.cau.core.featureupdate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What the caller asks of the post-upgrade steps. Raising the cluster functional level is
 * irreversible (afterwards no node can go back to the old version), so it happens only when asked
 * for <em>and</em> confirmed.
 *
 * @param raiseFunctionalLevel whether to raise the functional level ({@code UpdateClusterFunctionalLevel})
 * @param confirmIrreversible the caller's confirmation that it understands the raise cannot be undone
 * @param upgradeStoragePool whether to upgrade the storage pool after the level was raised
 * @param validate whether to validate the cluster at the end
 * @param upgradeVmVersions whether to upgrade the virtual machines' configuration versions after
 *     the level was raised ({@code Update-VMVersion}); opt-in, since an upgraded virtual machine
 *     cannot run on an older host any more
 * @param verifyFailover whether to verify, node by node, that the roles can fail over
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PostUpgradeRequest(boolean raiseFunctionalLevel, boolean confirmIrreversible, boolean upgradeStoragePool,
    boolean validate, boolean upgradeVmVersions, boolean verifyFailover) {
  /**
   * Every step but the opt-in VM version upgrade, the raise confirmed: what
   * {@code cau upgrade --finish --confirm-irreversible} asks for.
   */
  public static final PostUpgradeRequest CONFIRMED = new PostUpgradeRequest(true, true, true, true, false, true);

  /** Every step but without the confirmation: the raise is refused, nothing after it runs. */
  public static final PostUpgradeRequest UNCONFIRMED = new PostUpgradeRequest(true, false, true, true, false, true);

  /**
   * Asks for the raise, the pool and validation, without the VM version upgrade or the failover
   * verification.
   *
   * @param raiseFunctionalLevel whether to raise the functional level
   * @param confirmIrreversible the confirmation
   * @param upgradeStoragePool whether to upgrade the storage pool
   * @param validate whether to validate
   */
  public PostUpgradeRequest(boolean raiseFunctionalLevel, boolean confirmIrreversible, boolean upgradeStoragePool,
      boolean validate) {
    this(raiseFunctionalLevel, confirmIrreversible, upgradeStoragePool, validate, false, false);
  }

  /**
   * Returns this request with the opt-in VM configuration version upgrade asked for.
   *
   * @return the changed request
   */
  public PostUpgradeRequest withVmVersionUpgrade() {
    return new PostUpgradeRequest(raiseFunctionalLevel, confirmIrreversible, upgradeStoragePool, validate, true,
        verifyFailover);
  }
}

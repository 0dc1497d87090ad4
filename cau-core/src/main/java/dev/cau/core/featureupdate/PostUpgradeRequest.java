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
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PostUpgradeRequest(boolean raiseFunctionalLevel, boolean confirmIrreversible, boolean upgradeStoragePool,
    boolean validate) {
  /** Every step, the raise confirmed: what {@code cau upgrade --finish --confirm-irreversible} asks for. */
  public static final PostUpgradeRequest CONFIRMED = new PostUpgradeRequest(true, true, true, true);

  /** Every step but without the confirmation: the raise is refused, nothing after it runs. */
  public static final PostUpgradeRequest UNCONFIRMED = new PostUpgradeRequest(true, false, true, true);
}

package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where a node sits in the cluster's fault-domain hierarchy: site, rack and chassis.
 *
 * @param site the site's name, or {@code null} if none is defined
 * @param rack the rack's name, or {@code null} if none is defined
 * @param chassis the chassis' name, or {@code null} if none is defined
 */
@API(status = STABLE, since = "0.1.0")
public record FaultDomain(@Nullable String site, @Nullable String rack, @Nullable String chassis) {
  /** A node for which no fault domain is defined. */
  public static final FaultDomain NONE = new FaultDomain(null, null, null);

  /**
   * Returns the fault domain of a node that only has a site.
   *
   * @param site the site's name
   * @return the fault domain
   */
  public static FaultDomain site(String site) {
    return new FaultDomain(site, null, null);
  }
}

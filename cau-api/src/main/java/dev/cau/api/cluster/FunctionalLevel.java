package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The cluster's functional level and what it could be raised to.
 *
 * @param current the level now ({@code ClusterFunctionalLevel}: 9 for Windows Server 2016, for
 *     example)
 * @param highestSupported the highest level every node's operating system supports; above
 *     {@code current} while the cluster runs in mixed-OS mode after a rolling upgrade
 */
@API(status = STABLE, since = "0.1.0")
public record FunctionalLevel(int current, int highestSupported) {
  /**
   * Checks the components.
   *
   * @param current the level now
   * @param highestSupported the highest level the nodes support
   */
  public FunctionalLevel {
    if (current < 0 || highestSupported < 0) {
      throw new IllegalArgumentException("Functional levels are 0 or more, not " + current + " and " + highestSupported);
    }
  }

  /**
   * Tells whether the level can be raised: every node runs an operating system that supports a
   * higher one.
   *
   * @return whether {@code highestSupported} is above {@code current}
   */
  public boolean canRaise() {
    return highestSupported > current;
  }
}

package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Damages the self-updating role's configuration that a {@link SimulatedCluster}'s run store
 * holds, in ways the engine's own builders refuse to produce, as an older version or another
 * tool could have stored it. Readiness tests plant these to check that the problem is reported.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RoleConfigurationFaults {
  private static final Pattern WARN_AFTER = Pattern.compile("WarnAfter = ([^%;]*)");
  private static final Pattern STOP_AFTER = Pattern.compile("StopAfter = ([^%;]*)");

  private RoleConfigurationFaults() {}

  /**
   * Rewrites the stored configuration so that its {@code WarnAfter} equals its
   * {@code StopAfter}: the warning would come only when the run is stopped.
   *
   * <p>Add the configuration first, with both options set (for example {@code WarnAfter} one
   * hour and {@code StopAfter} two), through
   * {@link dev.cau.core.role.CauClusterRole#add}.
   *
   * @param cluster the cluster whose store holds the configuration
   * @throws IllegalStateException if no configuration is stored, or it does not set both options
   */
  public static void warnAfterNotBelowStopAfter(SimulatedCluster cluster) {
    Optional<String> stored = cluster.store().roleConfiguration();
    String text = stored.orElseThrow(() -> new IllegalStateException(
        "Cluster \"" + cluster.name() + "\" has no stored self-updating role configuration; add one first"));
    Matcher stop = STOP_AFTER.matcher(text);
    Matcher warn = WARN_AFTER.matcher(text);
    if (!stop.find() || !warn.find()) {
      throw new IllegalStateException("The stored configuration must set both WarnAfter and StopAfter to be"
          + " rewritten, but is: " + text);
    }
    String damaged = text.substring(0, warn.start(1)) + stop.group(1) + text.substring(warn.end(1));
    cluster.store().putRoleConfiguration(damaged);
  }
}

package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An update in a simulated node's catalogue.
 *
 * @param id the update's id
 * @param title its title
 * @param installDuration how long installing it takes
 * @param requiresRestart whether the node must restart after installing it
 * @param appearsAfter the id of an update that must be installed before this one applies, or
 *     {@code null}: a second-order update
 * @param failureCode a non-zero installer error code makes every installation fail with it
 * @param reportedAfterInstall a faulty catalogue: the scan keeps reporting the update after it
 *     was installed, as driver plug-ins sometimes do
 * @param selfRestarts how many times installing it restarts the node by itself
 * @param targetVersion for a feature update, the operating-system version the node runs after
 *     it, such as {@code 23H2}; {@code null} for other updates
 * @param targetBuild for a feature update, the build the node runs after it, such as
 *     {@code 25398.469}; {@code null} for other updates
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record SimulatedUpdate(
    String id,
    String title,
    Duration installDuration,
    boolean requiresRestart,
    @Nullable String appearsAfter,
    int failureCode,
    boolean reportedAfterInstall,
    int selfRestarts,
    @Nullable String targetVersion,
    @Nullable String targetBuild) {
  /** Default install time of an update. */
  public static final Duration DEFAULT_INSTALL_DURATION = Duration.ofMinutes(5);

  /**
   * Checks the components.
   *
   * @param id the update's id
   * @param title its title
   * @param installDuration how long installing it takes
   * @param requiresRestart whether the node must restart
   * @param appearsAfter the update it depends on, or {@code null}
   * @param failureCode zero, or the error code of every failed installation
   * @param reportedAfterInstall whether scans keep reporting it once installed
   * @param selfRestarts how many times installing it restarts the node by itself, as an
   *     operating-system upgrade does; 0 for an ordinary update
   * @param targetVersion the version a feature update moves the node to, or {@code null}
   * @param targetBuild the build a feature update moves the node to, or {@code null}
   */
  public SimulatedUpdate {
    if (selfRestarts < 0) {
      throw new IllegalArgumentException("selfRestarts of \"" + id + "\" must not be negative, but was " + selfRestarts);
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(installDuration, "installDuration");
    if ((targetVersion == null) != (targetBuild == null)) {
      throw new IllegalArgumentException("A feature update \"" + id + "\" names both its target version and build");
    }
    if (installDuration.isNegative()) {
      throw new IllegalArgumentException("installDuration of \"" + id + "\" must not be negative");
    }
  }

  /**
   * Creates an update that installs in {@link #DEFAULT_INSTALL_DURATION} without a restart.
   *
   * @param id the update's id
   * @param title its title
   * @return the update
   */
  public static SimulatedUpdate of(String id, String title) {
    return new SimulatedUpdate(id, title, DEFAULT_INSTALL_DURATION, false, null, 0, false, 0, null, null);
  }

  /**
   * Returns this update, needing a restart.
   *
   * @return the changed update
   */
  public SimulatedUpdate requiringRestart() {
    return new SimulatedUpdate(id, title, installDuration, true, appearsAfter, failureCode, reportedAfterInstall, selfRestarts, targetVersion, targetBuild);
  }

  /**
   * Returns this update with another install time.
   *
   * @param duration how long installing it takes
   * @return the changed update
   */
  public SimulatedUpdate installTaking(Duration duration) {
    return new SimulatedUpdate(id, title, duration, requiresRestart, appearsAfter, failureCode, reportedAfterInstall, selfRestarts, targetVersion, targetBuild);
  }

  /**
   * Returns this update as one that applies only once another is installed.
   *
   * @param updateId the update that must be installed first
   * @return the changed update
   */
  public SimulatedUpdate appearingAfter(String updateId) {
    return new SimulatedUpdate(id, title, installDuration, requiresRestart, updateId, failureCode, reportedAfterInstall, selfRestarts, targetVersion, targetBuild);
  }

  /**
   * Returns this update as one whose installation always fails.
   *
   * @param errorCode the installer's error code; not zero
   * @return the changed update
   */
  public SimulatedUpdate failingWith(int errorCode) {
    if (errorCode == 0) {
      throw new IllegalArgumentException("A failure code must not be zero");
    }
    return new SimulatedUpdate(id, title, installDuration, requiresRestart, appearsAfter, errorCode, reportedAfterInstall, selfRestarts, targetVersion, targetBuild);
  }

  /**
   * Returns this update as one the scan keeps reporting after it was installed.
   *
   * @return the changed update
   */
  public SimulatedUpdate reportedAgainAfterInstall() {
    return new SimulatedUpdate(id, title, installDuration, requiresRestart, appearsAfter, failureCode, true, selfRestarts, targetVersion, targetBuild);
  }

  /**
   * Returns this update as one whose installation restarts the node by itself, several times,
   * when the install call returns: an operating-system upgrade. Each restart takes the cluster's
   * reboot time; the node never returns if it is set to. Install it with a plug-in that says it
   * restarts nodes itself ({@link dev.cau.testkit.plugin.InMemoryUpdatePluginProvider#restartingNodes}).
   *
   * @param times how many restarts, at least 1
   * @return the changed update
   */
  public SimulatedUpdate restartingNodeItself(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, but was " + times);
    }
    return new SimulatedUpdate(id, title, installDuration, requiresRestart, appearsAfter, failureCode, reportedAfterInstall, times, targetVersion, targetBuild);
  }

  /**
   * Returns this update as a feature update: scans report it with
   * {@link dev.cau.api.plugin.UpdateFacts#withTarget target facts}, and once it is installed the
   * node runs the new version after its next boot ({@link SimulatedNode#osVersion()}).
   *
   * @param version the version, such as {@code 23H2}
   * @param build the build, such as {@code 25398.469}
   * @return the changed update
   */
  public SimulatedUpdate featureUpdateTo(String version, String build) {
    return new SimulatedUpdate(id, title, installDuration, requiresRestart, appearsAfter, failureCode,
        reportedAfterInstall, selfRestarts, Objects.requireNonNull(version, "version"),
        Objects.requireNonNull(build, "build"));
  }
}

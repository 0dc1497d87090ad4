package dev.cau.pacemaker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Pacemaker backend restarts nodes, reads their boot identity and bounds its waits.
 *
 * @param restartCommand the program and arguments that start a node's restart, run on that node
 *     ({@link #DEFAULT_RESTART_COMMAND} on real machines)
 * @param bootIdFile the file on each node that holds its boot identity, a value that changes with
 *     every boot ({@link #DEFAULT_BOOT_ID_FILE} on real machines)
 * @param drainTimeout how long {@code crm_resource --wait} may wait for resources to settle after a
 *     node enters or leaves standby
 * @param pollInterval how often readiness is checked while a node restarts
 */
public record PacemakerSettings(List<String> restartCommand, String bootIdFile, Duration drainTimeout,
    Duration pollInterval) {
  /** What restarts a real machine. */
  public static final List<String> DEFAULT_RESTART_COMMAND = List.of("systemctl", "reboot");
  /** The kernel's boot identity, new at every boot. */
  public static final String DEFAULT_BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id";
  /** How long a drain or undrain may take before the node's suspend or resume fails. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofMinutes(10);
  /** How often a restarting node is looked at. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  /** The defaults, for real machines. */
  public static final PacemakerSettings DEFAULTS = new PacemakerSettings(DEFAULT_RESTART_COMMAND,
      DEFAULT_BOOT_ID_FILE, DEFAULT_DRAIN_TIMEOUT, DEFAULT_POLL_INTERVAL);

  /**
   * Checks the components.
   *
   * @param restartCommand the restart program and its arguments, not empty
   * @param bootIdFile an absolute path
   * @param drainTimeout positive, whole seconds
   * @param pollInterval positive
   */
  public PacemakerSettings {
    restartCommand = List.copyOf(restartCommand);
    Objects.requireNonNull(bootIdFile, "bootIdFile");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (restartCommand.isEmpty() || restartCommand.get(0).isBlank()) {
      throw new IllegalArgumentException("restartCommand must name a program, but was " + restartCommand);
    }
    if (!bootIdFile.startsWith("/")) {
      throw new IllegalArgumentException("bootIdFile must be an absolute path, but was \"" + bootIdFile + "\"");
    }
    if (drainTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("drainTimeout must be at least 1 second, but was " + drainTimeout);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, but was " + pollInterval);
    }
  }

  /**
   * Returns these settings with another restart command.
   *
   * @param command the program and its arguments
   * @return the new settings
   */
  public PacemakerSettings withRestartCommand(List<String> command) {
    return new PacemakerSettings(command, bootIdFile, drainTimeout, pollInterval);
  }

  /**
   * Returns these settings with another boot identity file.
   *
   * @param file an absolute path on the nodes
   * @return the new settings
   */
  public PacemakerSettings withBootIdFile(String file) {
    return new PacemakerSettings(restartCommand, file, drainTimeout, pollInterval);
  }

  /**
   * Returns these settings with another drain timeout.
   *
   * @param timeout at least one second
   * @return the new settings
   */
  public PacemakerSettings withDrainTimeout(Duration timeout) {
    return new PacemakerSettings(restartCommand, bootIdFile, timeout, pollInterval);
  }

  /**
   * Returns these settings with another poll interval.
   *
   * @param interval positive
   * @return the new settings
   */
  public PacemakerSettings withPollInterval(Duration interval) {
    return new PacemakerSettings(restartCommand, bootIdFile, drainTimeout, interval);
  }
}

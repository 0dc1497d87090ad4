package dev.cau.core.role;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.InvalidOptionsException;
import dev.cau.core.options.RunOptions;
import dev.cau.core.schedule.UpdateSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of the self-updating role: which clustered role runs the update coordinator,
 * whether it is enabled, the options of its runs and their schedule, as
 * {@code Add-CauClusterRole} sets them.
 *
 * <pre>{@code
 * RoleConfiguration configuration = RoleConfiguration.builder("CAU-Role")
 *     .options(RunOptions.builder().maxRetriesPerNode(2).build())
 *     .defaultSchedule(ZoneId.of("Europe/Paris"), LocalDate.of(2026, 1, 1)) // third Tuesday, 03:00
 *     .build();
 * }</pre>
 *
 * <p>It also holds what the role's scheduling needs to remember between coordinators: a pending
 * {@code UpdateNow} request and when the last run started. {@link #nextRun(Instant)} combines
 * them with the status and the schedule.
 *
 * <p>Instances are immutable and thread-safe. They have no value equality, as {@link RunOptions}
 * has none; compare their components.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RoleConfiguration {
  private final String groupName;
  private final RoleStatus status;
  private final RunOptions options;
  private final UpdateSchedule schedule;
  private final boolean updateNowRequested;
  private final @Nullable Instant lastRunStarted;

  private RoleConfiguration(Builder b, UpdateSchedule schedule) {
    this.groupName = b.groupName;
    this.status = b.status;
    this.options = b.options;
    this.schedule = schedule;
    this.updateNowRequested = b.updateNowRequested;
    this.lastRunStarted = b.lastRunStarted;
  }

  /**
   * Starts a configuration for a clustered role: enabled, with default options, no pending
   * request and no run started yet. A schedule must still be given.
   *
   * @param groupName CAU's {@code GroupName}: the name of the clustered role that runs the update
   *     coordinator, as it appears in the cluster's snapshot
   * @return a builder
   * @throws InvalidOptionsException if the name is blank or holds a control character
   */
  public static Builder builder(String groupName) {
    return new Builder(checkGroupName(groupName));
  }

  /**
   * Starts a builder holding this configuration, to change part of it.
   *
   * @return a builder with every component of this configuration
   */
  public Builder toBuilder() {
    Builder b = new Builder(groupName);
    b.status = status;
    b.options = options;
    b.schedule = schedule;
    b.updateNowRequested = updateNowRequested;
    b.lastRunStarted = lastRunStarted;
    return b;
  }

  /**
   * Returns CAU's {@code GroupName}: the clustered role that runs the update coordinator.
   *
   * @return the role's name
   */
  public String groupName() {
    return groupName;
  }

  /**
   * Returns whether the role may start runs.
   *
   * @return the status; {@link RoleStatus#ENABLED} by default
   */
  public RoleStatus status() {
    return status;
  }

  /**
   * Tells whether the role may start runs.
   *
   * @return {@code true} when the status is {@link RoleStatus#ENABLED}
   */
  public boolean isEnabled() {
    return status == RoleStatus.ENABLED;
  }

  /**
   * Returns the options of the role's runs.
   *
   * @return the options; once stored, without the values of secret plug-in arguments, which a
   *     run must be given again
   */
  public RunOptions options() {
    return options;
  }

  /**
   * Returns when the role starts runs.
   *
   * @return the schedule
   */
  public UpdateSchedule schedule() {
    return schedule;
  }

  /**
   * Tells whether a run was asked for as soon as possible ({@code Set-CauClusterRole -UpdateNow})
   * and has not started yet.
   *
   * @return whether an {@code UpdateNow} request is pending
   */
  public boolean updateNowRequested() {
    return updateNowRequested;
  }

  /**
   * Returns when the role's last run started, as recorded by
   * {@link CauClusterRole#markRunStarted(Instant)}.
   *
   * @return the start of the last run, or empty if no run has been recorded
   */
  public Optional<Instant> lastRunStarted() {
    return Optional.ofNullable(lastRunStarted);
  }

  /**
   * Returns when the next run is due.
   *
   * <p>Empty while the role is disabled. A pending {@code UpdateNow} request makes a run due at
   * {@code after}. Otherwise it is the schedule's first trigger after both {@code after} and the
   * last run's start: a trigger at or before the start of the last run has been served, so a
   * {@code RunOnce} schedule whose run has started is over, and a caller that looks again from an
   * earlier instant does not run the same trigger twice.
   *
   * <p>To find a trigger that passed while no coordinator was watching (the role was moving
   * between nodes, say), pass the instant of the previous look, or {@link #lastRunStarted()}; a
   * result that is not after the caller's clock is due now. Passing the clock's reading looks
   * only forward.
   *
   * @param after the instant to look after
   * @return when the next run is due, in the schedule's zone; empty when the role is disabled or
   *     the schedule has no trigger left ({@code RunOnce} whose time has passed or whose run has
   *     started)
   */
  public Optional<ZonedDateTime> nextRun(Instant after) {
    Objects.requireNonNull(after, "after");
    if (!isEnabled()) {
      return Optional.empty();
    }
    if (updateNowRequested) {
      return Optional.of(after.atZone(schedule.zone()));
    }
    Instant from = lastRunStarted != null && lastRunStarted.isAfter(after) ? lastRunStarted : after;
    return schedule.nextRun(from);
  }

  @Override
  public String toString() {
    return "RoleConfiguration[GroupName=" + groupName
        + ", Status=" + status.cauName()
        + ", schedule=" + schedule
        + (updateNowRequested ? ", UpdateNow" : "")
        + (lastRunStarted != null ? ", lastRunStarted=" + lastRunStarted : "")
        + ", options=" + options + "]";
  }

  static String checkGroupName(String groupName) {
    Objects.requireNonNull(groupName, "groupName");
    if (groupName.isBlank() || groupName.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidOptionsException("GroupName", "\"" + groupName + "\"",
          "the name of a clustered role: not blank, without line breaks or other control characters");
    }
    return groupName;
  }

  /** Builds a {@link RoleConfiguration}, checking each value as it is set. Not thread-safe. */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public static final class Builder {
    private final String groupName;
    private RoleStatus status = RoleStatus.ENABLED;
    private RunOptions options = RunOptions.defaults();
    private @Nullable UpdateSchedule schedule;
    private boolean updateNowRequested;
    private @Nullable Instant lastRunStarted;

    private Builder(String groupName) {
      this.groupName = groupName;
    }

    /**
     * Sets whether the role may start runs.
     *
     * @param value the status
     * @return this builder
     */
    public Builder status(RoleStatus value) {
      this.status = Objects.requireNonNull(value, "status");
      return this;
    }

    /**
     * Sets the options of the role's runs. Values that depend on the cluster (such as
     * {@code MaxFailedNodes} and {@code NodeOrder}) are checked when the configuration is added
     * or set.
     *
     * @param value the options
     * @return this builder
     */
    public Builder options(RunOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * Sets when the role starts runs.
     *
     * @param value the schedule
     * @return this builder
     */
    public Builder schedule(UpdateSchedule value) {
      this.schedule = Objects.requireNonNull(value, "schedule");
      return this;
    }

    /**
     * Sets CAU's default schedule, {@link UpdateSchedule#defaults(ZoneId, LocalDate)}: the third
     * Tuesday of every month at 03:00.
     *
     * @param zone the cluster's local zone
     * @param startDate the first day the schedule may fire
     * @return this builder
     */
    public Builder defaultSchedule(ZoneId zone, LocalDate startDate) {
      this.schedule = UpdateSchedule.defaults(zone, startDate);
      return this;
    }

    /**
     * Sets whether a run was asked for as soon as possible.
     *
     * @param value whether an {@code UpdateNow} request is pending
     * @return this builder
     */
    public Builder updateNowRequested(boolean value) {
      this.updateNowRequested = value;
      return this;
    }

    /**
     * Sets when the role's last run started.
     *
     * @param value the start of the last run
     * @return this builder
     */
    public Builder lastRunStarted(Instant value) {
      this.lastRunStarted = Objects.requireNonNull(value, "lastRunStarted");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws InvalidOptionsException if no schedule was given
     */
    public RoleConfiguration build() {
      UpdateSchedule s = schedule;
      if (s == null) {
        throw new InvalidOptionsException("StartDate", "none",
            "given: a schedule, or a zone and start date for CAU's default schedule (third Tuesday, 03:00)");
      }
      return new RoleConfiguration(this, s);
    }
  }
}

package dev.cau.core.featureupdate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Whether the cluster runs in mixed-OS mode: some nodes already run the new operating-system
 * version, some still the old. Microsoft expects a cluster to leave it within about four weeks
 * ({@link #EXPECTED_LIMIT}); it is left by upgrading the remaining nodes (or, before the
 * functional level is raised, by taking the upgraded nodes back to the old version).
 *
 * @param upgraded the nodes known to run the new version, in the order they were upgraded
 * @param notUpgraded the nodes offered the feature update that do not run it yet
 * @param target the version and build they move to, such as {@code 23H2 (build 25398.469)}, or
 *     {@code null} when none is known
 * @param since when the first node was upgraded while others were not: when the cluster entered
 *     mixed-OS mode; {@code null} when it is not mixed
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record MixedOsStatus(List<String> upgraded, List<String> notUpgraded, @Nullable String target,
    @Nullable Instant since) {
  /** How long Microsoft expects a cluster to stay in mixed-OS mode at most. */
  public static final Duration EXPECTED_LIMIT = Duration.ofDays(28);

  /** No feature update known. */
  public static final MixedOsStatus NONE = new MixedOsStatus(List.of(), List.of(), null, null);

  /**
   * Checks the components and copies the lists.
   *
   * @param upgraded nodes on the new version
   * @param notUpgraded nodes still on the old version
   * @param target the version moved to, or {@code null}
   * @param since when mixed mode began, or {@code null}
   */
  public MixedOsStatus {
    upgraded = List.copyOf(upgraded);
    notUpgraded = List.copyOf(notUpgraded);
    if ((since != null) != (!upgraded.isEmpty() && !notUpgraded.isEmpty())) {
      throw new IllegalArgumentException("A cluster is in mixed-OS mode, with a start, exactly when some nodes are"
          + " upgraded and some are not");
    }
  }

  /**
   * Tells whether some nodes run the new version and some the old.
   *
   * @return whether the cluster is in mixed-OS mode
   */
  public boolean mixed() {
    return since != null;
  }

  /**
   * Describes the state in one sentence for status and reports.
   *
   * @return for example {@code Mixed-OS mode since 2026-12-06T22:00:00Z: n1, n2 run 23H2 ...}
   */
  public String describe() {
    if (since != null) {
      return "Mixed-OS mode since " + since + ": " + String.join(", ", upgraded) + " run"
          + (upgraded.size() == 1 ? "s " : " ") + Objects.requireNonNullElse(target, "the new version") + ", "
          + String.join(", ", notUpgraded) + " still run" + (notUpgraded.size() == 1 ? "s" : "")
          + " the old version; finish within " + EXPECTED_LIMIT.toDays() + " days";
    }
    if (!upgraded.isEmpty()) {
      return "Every node offered the feature update runs " + Objects.requireNonNullElse(target, "the new version")
          + ": the cluster is no longer mixed; the functional level can be raised";
    }
    return notUpgraded.isEmpty() ? "No feature update is known" : "No node is upgraded yet";
  }
}

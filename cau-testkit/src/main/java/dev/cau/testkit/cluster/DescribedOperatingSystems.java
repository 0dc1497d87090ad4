package dev.cau.testkit.cluster;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.BackendSetting;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The operating-system part of a described simulated cluster, kept apart from the rest of
 * {@link SimulatedBackendProvider} because it has its own reason to change (feature updates).
 *
 * <p>Node settings: {@code os-version} (such as {@code 22H2}) and {@code os-build} (build and
 * revision, such as {@code 20349.2322}), given together, and {@code feature-update}: the feature
 * update the node is offered, as its target version and build ({@code 23H2 25398.469}), or
 * {@code none}. Cluster settings: {@code functional-level} (the cluster functional level, a whole
 * number) and {@code storage-pool-version} (the storage pool's metadata version, a whole number,
 * with an upgrade available). Once every node runs the build it was offered, and all run one build,
 * the highest supported functional level is one above the described one, as a real cluster reports
 * it after its last node was upgraded.
 */
final class DescribedOperatingSystems {
  /** The cluster settings read here. */
  static final List<String> CLUSTER_KEYS = List.of("functional-level", "storage-pool-version");

  /** The node settings read here. */
  static final List<String> NODE_KEYS = List.of("os-version", "os-build", "feature-update");

  /** The prefix of a described feature update's id, which {@code cau upgrade}'s plug-in installs. */
  static final String FEATURE_UPDATE_PREFIX = "feature-";

  private static final Pattern VERSION = Pattern.compile("[0-9]{2}H[12]|[0-9]{4}");
  private static final Pattern BUILD = Pattern.compile("[0-9]{4,6}\\.[0-9]{1,6}");
  private static final String VERSION_ALLOWED = "a version such as 22H2 (two digits, H, 1 or 2) or 1809";
  private static final String BUILD_ALLOWED = "a build and revision such as 20349.2322";

  private @Nullable Integer functionalLevel;
  private @Nullable String poolVersion;
  private final Map<String, NodeOs> nodes = new LinkedHashMap<>();

  /** The operating system a node is described with. */
  private record NodeOs(String version, String build, @Nullable String targetVersion, @Nullable String targetBuild) {}

  /**
   * Reads one cluster setting of {@link #CLUSTER_KEYS}.
   *
   * @param setting the setting
   */
  void clusterSetting(BackendSetting setting) {
    switch (setting.key()) {
      case "functional-level" -> {
        if (!setting.value().matches("[0-9]{1,3}") || Integer.parseInt(setting.value()) < 1) {
          throw setting.refused("a whole number from 1 to 999, such as 11");
        }
        functionalLevel = Integer.parseInt(setting.value());
      }
      case "storage-pool-version" -> {
        if (!setting.value().matches("[0-9]{1,9}")) {
          throw setting.refused("a whole number, such as 10");
        }
        poolVersion = setting.value();
      }
      default -> throw new IllegalStateException("unreachable: " + setting.key());
    }
  }

  /**
   * Reads a node's settings of {@link #NODE_KEYS}.
   *
   * @param node the node's name
   * @param where where the node was written
   * @param settings its settings of {@link #NODE_KEYS}, each given once
   * @return the feature update the node is offered, to put into its catalogue
   */
  Optional<SimulatedUpdate> node(String node, String where, List<BackendSetting> settings) {
    BackendSetting version = null;
    BackendSetting build = null;
    BackendSetting offer = null;
    for (BackendSetting setting : settings) {
      switch (setting.key()) {
        case "os-version" -> version = checked(setting, VERSION, VERSION_ALLOWED);
        case "os-build" -> build = checked(setting, BUILD, BUILD_ALLOWED);
        case "feature-update" -> offer = setting;
        default -> throw new IllegalStateException("unreachable: " + setting.key());
      }
    }
    if (version == null && build == null && offer == null) {
      return Optional.empty();
    }
    if (version == null || build == null) {
      String missing = version == null ? "os-version" : "os-build";
      throw new InvalidOptionsException(missing, "missing in node \"" + node + "\" at " + where,
          "given with " + (version == null ? "os-build" : "os-version") + " (and needed by feature-update)");
    }
    String targetVersion = null;
    String targetBuild = null;
    if (offer != null && !offer.value().equals("none")) {
      String[] parts = offer.value().strip().split("\\s+");
      if (parts.length != 2 || !VERSION.matcher(parts[0]).matches() || !BUILD.matcher(parts[1]).matches()) {
        throw offer.refused("none, or the target version and build separated by a space, such as \"23H2 25398.469\"");
      }
      if (compare(parts[1], build.value()) <= 0) {
        throw offer.refused("a target build newer than the node's os-build " + build.value());
      }
      targetVersion = parts[0];
      targetBuild = parts[1];
    }
    nodes.put(node, new NodeOs(version.value(), build.value(), targetVersion, targetBuild));
    if (targetVersion == null || targetBuild == null) {
      return Optional.empty();
    }
    return Optional.of(SimulatedUpdate.of(FEATURE_UPDATE_PREFIX + targetVersion + "-" + targetBuild,
            "Feature update to version " + targetVersion + " (" + targetBuild + ")")
        .installTaking(Duration.ofMinutes(45))
        .restartingNodeItself(SetupExitCodes.SETUP_RESTARTS)
        .featureUpdateTo(targetVersion, targetBuild));
  }

  /**
   * Gives the built cluster the described operating systems, functional level and storage pool.
   *
   * @param cluster the cluster built from the same description
   */
  void applyTo(SimulatedCluster cluster) {
    int level = functionalLevel == null ? cluster.functionalLevelNow().current() : functionalLevel;
    cluster.functionalLevel(level, level);
    if (poolVersion != null) {
      cluster.storagePool("S2D on " + cluster.name(), poolVersion, true);
    }
    nodes.forEach((name, os) -> cluster.node(name).operatingSystem(os.version(), os.build()));
    if (nodes.values().stream().noneMatch(os -> os.targetBuild() != null)) {
      return;
    }
    for (SimulatedNode node : cluster.nodes()) {
      // A real cluster reports the higher level as supported once its last node runs the new build.
      node.onBoot(() -> {
        if (upgraded(cluster)) {
          cluster.functionalLevel(cluster.functionalLevelNow().current(), level + 1);
        }
      });
    }
  }

  private boolean upgraded(SimulatedCluster cluster) {
    List<String> builds = cluster.nodes().stream().map(SimulatedNode::osBuild).distinct().toList();
    return builds.size() == 1 && nodes.entrySet().stream().allMatch(e -> {
      String target = e.getValue().targetBuild();
      return target == null || target.equals(cluster.node(e.getKey()).osBuild());
    });
  }

  private static BackendSetting checked(BackendSetting setting, Pattern pattern, String allowed) {
    if (!pattern.matcher(setting.value()).matches()) {
      throw setting.refused(allowed);
    }
    return setting;
  }

  /** Compares two builds of the form build.revision numerically. */
  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    int major = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
    return major != 0 ? major : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
  }
}

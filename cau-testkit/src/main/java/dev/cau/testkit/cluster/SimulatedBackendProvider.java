package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.BackendSetting;
import dev.cau.api.cluster.ClusterBackendProvider;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.NodeDescription;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The {@code simulated} cluster backend: builds a {@link SimulatedCluster} of the shape a cluster
 * file describes, so that policies and options can be tried on a copy of a real cluster's shape.
 *
 * <p>Cluster settings: {@code witness} ({@code none}, {@code disk}, {@code file-share},
 * {@code cloud}; default {@code none}), {@code witness-online} ({@code true} or {@code false};
 * default {@code true}), {@code start} (an ISO-8601 instant, when virtual time starts; default
 * {@value #DEFAULT_START}). Node settings: {@code weight} ({@code 0} or {@code 1}; default
 * {@code 1}), {@code updates} (update ids, comma-separated, installed without a restart),
 * {@code restart-updates} (update ids that need a restart), {@code roles} (names of the clustered
 * roles the node hosts, comma-separated), {@code fault} ({@code none},
 * {@code never-returns-from-restart}, {@code drain-hangs}, {@code crashes-while-installing}).
 * For feature updates: node settings {@code os-version} and {@code os-build} (given together) and
 * {@code feature-update} (target version and build, {@code 23H2 25398.469}, or {@code none}), and
 * cluster settings {@code functional-level} and {@code storage-pool-version}. A feature update's
 * id starts with {@code feature-}; installing it restarts the node
 * {@link SetupExitCodes#SETUP_RESTARTS} times by itself and moves it to the target. Every other key
 * is refused.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SimulatedBackendProvider implements ClusterBackendProvider {
  /** The backend's name. */
  public static final String NAME = "simulated";

  /** When virtual time starts unless the description says otherwise. */
  public static final String DEFAULT_START = "2026-01-20T03:00:00Z";

  private static final List<String> CLUSTER_KEYS = concat(List.of("witness", "witness-online", "start"),
      DescribedOperatingSystems.CLUSTER_KEYS);
  private static final List<String> NODE_KEYS = concat(List.of("weight", "updates", "restart-updates", "roles", "fault"),
      DescribedOperatingSystems.NODE_KEYS);

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SimulatedBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SimulatedCluster create(ClusterDescription description) {
    Instant start = Instant.parse(DEFAULT_START);
    for (BackendSetting setting : description.settings()) {
      if (setting.key().equals("start")) {
        start = instant(setting);
      }
    }
    return create(description, start);
  }

  /**
   * Checks a description and builds the cluster with virtual time starting at an instant, whatever
   * the description's {@code start}.
   *
   * @param description the cluster
   * @param start when virtual time starts
   * @return the cluster
   * @throws InvalidOptionsException if a setting is not allowed
   */
  public SimulatedCluster create(ClusterDescription description, Instant start) {
    if (description.nodes().isEmpty()) {
      throw new InvalidOptionsException("nodes", "empty at " + description.source(), "a list of at least one node");
    }
    SimulatedCluster.Builder cluster = SimulatedCluster.builder(description.name()).startingAt(start);
    WitnessKind witness = WitnessKind.NONE;
    boolean witnessOnline = true;
    DescribedOperatingSystems operatingSystems = new DescribedOperatingSystems();
    for (BackendSetting setting : description.settings()) {
      switch (known(setting, CLUSTER_KEYS)) {
        case "witness" -> witness = witnessKind(setting);
        case "witness-online" -> witnessOnline = bool(setting);
        case "start" -> instant(setting);
        case "functional-level", "storage-pool-version" -> operatingSystems.clusterSetting(setting);
        default -> throw new IllegalStateException("unreachable: " + setting.key());
      }
    }
    if (witness != WitnessKind.NONE) {
      cluster.witness(witness, witnessOnline ? WitnessState.ONLINE : WitnessState.OFFLINE);
    }
    Set<String> names = new HashSet<>();
    Set<String> roles = new HashSet<>();
    for (NodeDescription node : description.nodes()) {
      if (!names.add(node.name())) {
        throw new InvalidOptionsException("name", '"' + node.name() + "\" at " + node.where(),
            "a node name used once in the cluster");
      }
      List<String> hosted = new ArrayList<>();
      List<SimulatedUpdate> updates = new ArrayList<>();
      int weight = 1;
      String fault = "none";
      List<BackendSetting> osSettings = new ArrayList<>();
      for (BackendSetting setting : node.settings()) {
        switch (known(setting, NODE_KEYS)) {
          case "weight" -> weight = weight(setting);
          case "updates" -> ids(setting).forEach(id -> updates.add(SimulatedUpdate.of(id, id)));
          case "restart-updates" -> ids(setting).forEach(id -> updates.add(SimulatedUpdate.of(id, id).requiringRestart()));
          case "roles" -> {
            for (String role : ids(setting)) {
              if (!roles.add(role)) {
                throw setting.refused("role names each hosted by one node, and \"" + role + "\" is named twice");
              }
              hosted.add(role);
            }
          }
          case "fault" -> fault = fault(setting);
          case "os-version", "os-build", "feature-update" -> osSettings.add(setting);
          default -> throw new IllegalStateException("unreachable: " + setting.key());
        }
      }
      operatingSystems.node(node.name(), node.where(), osSettings).ifPresent(updates::add);
      int voteWeight = weight;
      String nodeFault = fault;
      cluster.node(node.name(), spec -> {
        spec.voteWeight(voteWeight).updates(updates.toArray(SimulatedUpdate[]::new));
        switch (nodeFault) {
          case "never-returns-from-restart" -> spec.neverReturnsFromRestart();
          case "drain-hangs" -> spec.drainHangs();
          case "crashes-while-installing" -> spec.crashesWhileInstalling();
          default -> { }
        }
      });
      hosted.forEach(role -> cluster.role(role, node.name()));
    }
    SimulatedCluster built = cluster.build();
    operatingSystems.applyTo(built);
    return built;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private static String known(BackendSetting setting, List<String> keys) {
    if (!keys.contains(setting.key())) {
      throw new InvalidOptionsException("key", '"' + setting.key() + "\" at " + setting.where(),
          "one of \"" + String.join("\", \"", keys) + "\" for the simulated backend");
    }
    return setting.key();
  }

  private static WitnessKind witnessKind(BackendSetting setting) {
    return switch (setting.value().toLowerCase(Locale.ROOT)) {
      case "none" -> WitnessKind.NONE;
      case "disk" -> WitnessKind.DISK;
      case "file-share" -> WitnessKind.FILE_SHARE;
      case "cloud" -> WitnessKind.CLOUD;
      default -> throw setting.refused("none, disk, file-share or cloud");
    };
  }

  private static boolean bool(BackendSetting setting) {
    return switch (setting.value()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw setting.refused("true or false");
    };
  }

  private static Instant instant(BackendSetting setting) {
    try {
      return Instant.parse(setting.value());
    } catch (DateTimeException e) {
      throw setting.refused("an ISO-8601 instant such as " + DEFAULT_START);
    }
  }

  private static int weight(BackendSetting setting) {
    return switch (setting.value()) {
      case "0" -> 0;
      case "1" -> 1;
      default -> throw setting.refused("0 or 1");
    };
  }

  private static String fault(BackendSetting setting) {
    return switch (setting.value()) {
      case "none", "never-returns-from-restart", "drain-hangs", "crashes-while-installing" -> setting.value();
      default -> throw setting.refused("none, never-returns-from-restart, drain-hangs or crashes-while-installing");
    };
  }

  private static List<String> ids(BackendSetting setting) {
    List<String> ids = new ArrayList<>();
    for (String part : setting.value().split(",", -1)) {
      String id = part.strip();
      if (id.isEmpty()) {
        throw setting.refused("names separated by commas, none of them empty");
      }
      ids.add(id);
    }
    return ids;
  }
}

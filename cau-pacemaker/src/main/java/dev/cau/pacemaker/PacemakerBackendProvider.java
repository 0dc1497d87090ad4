package dev.cau.pacemaker;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.BackendSetting;
import dev.cau.api.cluster.ClusterBackendProvider;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.NodeDescription;
import dev.cau.transport.ssh.SshProgramRunner;
import dev.cau.transport.ssh.SshTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code pacemaker} cluster backend: a Pacemaker/Corosync cluster whose nodes are reached over
 * SSH.
 *
 * <p>Cluster settings: {@code restart-command} (a program and its arguments, separated by spaces;
 * default {@code systemctl reboot}), {@code boot-id-file} (an absolute path on the nodes; default
 * {@code /proc/sys/kernel/random/boot_id}), {@code drain-timeout} (whole seconds that a drain may
 * take; default 600). Node settings: {@code address} (host name or IP address, required),
 * {@code port} (default 22), {@code user} (default {@code root}), {@code key-file} (the
 * private key, required), {@code known-hosts-file} (the pinned host keys, required). A node's
 * {@code name} is its Pacemaker node name. Every other key is refused.
 */
public final class PacemakerBackendProvider implements ClusterBackendProvider {
  /** The backend's name. */
  public static final String NAME = "pacemaker";

  private static final List<String> CLUSTER_KEYS = List.of("restart-command", "boot-id-file", "drain-timeout");
  private static final List<String> NODE_KEYS = List.of("address", "port", "user", "key-file",
      "known-hosts-file");
  private static final Pattern WORD = Pattern.compile("\\S+");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public PacemakerBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PacemakerCluster create(ClusterDescription description) {
    if (description.nodes().isEmpty()) {
      throw new InvalidOptionsException("nodes", "empty at " + description.source(), "a list of at least one node");
    }
    PacemakerSettings settings = settings(description.settings());
    List<SshTarget> targets = new ArrayList<>();
    for (NodeDescription node : description.nodes()) {
      if (targets.stream().anyMatch(t -> t.nodeName().equals(node.name()))) {
        throw new InvalidOptionsException("name", '"' + node.name() + "\" at " + node.where(),
            "a node name used once in the cluster");
      }
      targets.add(target(node));
    }
    Map<String, SshProgramRunner> runners = new LinkedHashMap<>();
    for (SshTarget target : targets) {
      runners.put(target.nodeName(), SshProgramRunner.create(target));
    }
    return new PacemakerCluster(description.name(), runners, settings);
  }

  /**
   * Reads the cluster-wide settings.
   *
   * @param written the settings as the cluster file gives them
   * @return the settings, with defaults for what is not written
   * @throws InvalidOptionsException if a key is unknown or a value not allowed
   */
  static PacemakerSettings settings(List<BackendSetting> written) {
    PacemakerSettings settings = PacemakerSettings.DEFAULTS;
    for (BackendSetting setting : written) {
      switch (known(setting, CLUSTER_KEYS, "cluster")) {
        case "restart-command" -> {
          if (setting.value().isBlank()) {
            throw setting.refused("a program and its arguments separated by spaces, such as \"systemctl reboot\"");
          }
          settings = settings.withRestartCommand(Arrays.asList(setting.value().strip().split("\\s+")));
        }
        case "boot-id-file" -> {
          if (!setting.value().startsWith("/") || setting.value().contains("\0")) {
            throw setting.refused("an absolute path on the nodes, such as " + PacemakerSettings.DEFAULT_BOOT_ID_FILE);
          }
          settings = settings.withBootIdFile(setting.value());
        }
        case "drain-timeout" -> settings = settings.withDrainTimeout(Duration.ofSeconds(number(setting, 1, 86_400,
            "whole seconds from 1 to 86400")));
        default -> throw new IllegalStateException("unreachable: " + setting.key());
      }
    }
    return settings;
  }

  private static SshTarget target(NodeDescription node) {
    Map<String, BackendSetting> given = new HashMap<>();
    for (BackendSetting setting : node.settings()) {
      given.put(known(setting, NODE_KEYS, "node"), setting);
    }
    String address = required(node, given, "address", "a host name or IP address");
    if (!WORD.matcher(address).matches()) {
      throw new InvalidOptionsException("address", '"' + address + "\" for node \"" + node.name() + "\" at "
          + node.where(), "a host name or IP address without spaces");
    }
    Path identity = Path.of(required(node, given, "key-file", "the path of the SSH private key"));
    Path knownHosts = Path.of(required(node, given, "known-hosts-file", "the path of a known-hosts file"));
    BackendSetting user = given.get("user");
    SshTarget target = SshTarget.of(node.name(), address, user == null ? "root" : user.value(), identity, knownHosts);
    BackendSetting port = given.get("port");
    return port == null ? target : target.withPort(number(port, 1, 65_535, "a port number from 1 to 65535"));
  }

  private static String required(NodeDescription node, Map<String, BackendSetting> given, String key, String what) {
    @Nullable BackendSetting setting = given.get(key);
    if (setting == null || setting.value().isBlank()) {
      throw new InvalidOptionsException(key, "missing for node \"" + node.name() + "\" at " + node.where(), what);
    }
    return setting.value();
  }

  private static int number(BackendSetting setting, int min, int max, String allowed) {
    try {
      int value = Integer.parseInt(setting.value());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw setting.refused(allowed);
  }

  private static String known(BackendSetting setting, List<String> keys, String level) {
    if (!keys.contains(setting.key())) {
      throw new InvalidOptionsException("key", '"' + setting.key() + "\" at " + setting.where(),
          "one of \"" + String.join("\", \"", keys) + "\" for a " + level + " of the pacemaker backend");
    }
    return setting.key();
  }
}

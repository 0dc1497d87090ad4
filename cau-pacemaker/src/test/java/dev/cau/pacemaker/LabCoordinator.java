package dev.cau.pacemaker;

import dev.cau.api.CauException;
import dev.cau.api.cluster.BackendSetting;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.NodeDescription;
import dev.cau.api.event.RunEvent;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.store.FileRunStore;
import dev.cau.plugin.apt.AptPluginProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A coordinator process for the end-to-end tests: runs in the lab's coordinator network
 * namespace, reaches the nodes over SSH through the {@code pacemaker} backend, and updates them
 * with {@code Debian.AptPlugin}. Prints one line per event and a summary that the tests read.
 *
 * <p>Arguments: {@code start|resume STORE_DIR REBOOT_TIMEOUT_SECONDS NODE_ORDER}.
 */
public final class LabCoordinator {
  private LabCoordinator() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path storeDirectory = Path.of(args[1]);
    Duration rebootTimeout = Duration.ofSeconds(Long.parseLong(args[2]));
    List<String> order = Arrays.asList(args[3].split(","));
    PacemakerCluster cluster = new PacemakerBackendProvider().create(description());
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(AptPluginProvider.NAME, Map.of()))
        .rebootTimeout(rebootTimeout)
        .nodeOrder(order)
        .maxFailedNodes(1)
        .maxRetriesPerNode(1)
        .build();
    try (FileRunStore store = new FileRunStore(storeDirectory)) {
      store.lockForWriting("lab coordinator " + ProcessHandle.current().pid());
      try (UpdateCoordinator coordinator = UpdateCoordinator.builder(cluster)
          .plugins(PluginRegistry.builder().register(new AptPluginProvider()).build())
          .runStore(store)
          .identity(CoordinatorIdentity.remote("lab-coordinator", "coord"))
          .listener(LabCoordinator::print)
          .build()) {
        UpdatingRun run = "resume".equals(mode) ? coordinator.resume(options) : coordinator.start(options);
        RunResult result = run.await();
        System.out.println("RESULT " + result.status() + " " + result.reason());
        for (NodeResult node : result.nodeResults()) {
          System.out.println("NODE " + node.node() + " " + node.status() + " installs=" + node.installResults().size()
              + " restarts=" + node.restarts() + " reason=" + node.reason());
        }
      }
    } catch (CauException e) {
      System.out.println("REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.out.flush();
      System.exit(2);
    }
    System.out.flush();
    System.exit(0);
  }

  private static synchronized void print(RunEvent event) {
    System.out.println("EVENT " + System.currentTimeMillis() + " " + event);
    System.out.flush();
  }

  /** The lab's cluster as its cluster file describes it. */
  static ClusterDescription description() {
    Path ssh = HaLab.STATE.resolve("ssh");
    List<NodeDescription> nodes = new ArrayList<>();
    for (String node : HaLab.NODES) {
      nodes.add(new NodeDescription(node, List.of(
          new BackendSetting("address", HaLab.address(node), "lab"),
          new BackendSetting("user", "root", "lab"),
          new BackendSetting("key-file", ssh.resolve("id_ed25519").toString(), "lab"),
          new BackendSetting("known-hosts-file", ssh.resolve("known_hosts").toString(), "lab")), "lab"));
    }
    return new ClusterDescription("cau-lab", PacemakerBackendProvider.NAME, List.of(
        new BackendSetting("restart-command", "/usr/bin/touch /var/lib/cau-lab/restart-request", "lab"),
        new BackendSetting("boot-id-file", "/var/lib/cau-lab/boot_id", "lab"),
        new BackendSetting("drain-timeout", "60", "lab")), nodes, "lab");
  }
}

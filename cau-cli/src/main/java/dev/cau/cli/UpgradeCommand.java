package dev.cau.cli;

import dev.cau.api.CauException;
import dev.cau.api.event.NodeFinished;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.featureupdate.FeatureUpdateFlow;
import dev.cau.core.featureupdate.FlowStep;
import dev.cau.core.featureupdate.MixedOsTracker;
import dev.cau.core.featureupdate.PostUpgradeRequest;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.testkit.cluster.SimulatedBackendProvider;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.plugin.InMemoryUpdatePluginProvider;
import dev.cau.testkit.scenario.FeatureUpdateScenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cau upgrade}: the feature-update flow (Windows Admin Center's feature-update wizard) on
 * the command line: {@code --check} (readiness and the same-offer scan), {@code --run} (the rolling
 * upgrade, then a check for further updates) and {@code --finish} (the post-upgrade steps, the
 * irreversible functional-level raise only with {@code --confirm-irreversible}).
 */
@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Moves every node of the cluster to a new operating-system version, one node at a time, in the"
          + " steps of the feature-update wizard. Without --cluster it works on a built-in simulated"
          + " 4-node cluster on 22H2 offered the 23H2 feature update; that cluster starts afresh at"
          + " every invocation, so give --run and --finish together to walk the whole flow.",
      "Raising the cluster functional level is irreversible: afterwards no node can go back to the old"
          + " version. --finish raises it only with --confirm-irreversible."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every step asked for was done or was not needed",
      "1:a step stopped: the cluster is not ready, the nodes are offered different feature updates, a node"
          + " was not upgraded, or a post-upgrade step was refused; the output names what blocks it",
      "2:bad usage, an invalid option value or cluster file; no node was touched"
    })
final class UpgradeCommand implements Callable<Integer> {
  /** The simulated plug-in that installs the demo cluster's feature updates (ids starting {@code feature-}). */
  static final String PLUGIN = "Cau4j.SimulatedFeatureUpdate";

  @Spec
  private @Nullable CommandSpec spec;

  @Option(names = "--check", description = "Check readiness and that every node is offered the same feature update.")
  private boolean check;

  @Option(names = "--run", description = "Check, then upgrade every node in turn, then scan for further updates.")
  private boolean run;

  @Option(names = "--finish", description = "Run the post-upgrade steps: raise the functional level (only with"
      + " --confirm-irreversible), upgrade the storage pool, verify failover, validate.")
  private boolean finish;

  @Option(names = "--confirm-irreversible", description = "With --finish: confirm raising the cluster functional"
      + " level, which cannot be undone.")
  private boolean confirmIrreversible;

  @Option(names = "--upgrade-vm-versions", description = "With --finish: also upgrade the configuration version of"
      + " every virtual machine that is shut down (Update-VMVersion); running ones are named.")
  private boolean upgradeVmVersions;

  @Option(
      names = "--cluster",
      paramLabel = "<file>",
      description = "A cluster file (docs/clusters.md) describing a simulated cluster instead of the built-in one."
          + " Each node gives its operating system with os-version and os-build and the feature update it is"
          + " offered with feature-update (\"23H2 25398.469\" or none); the cluster may give functional-level"
          + " and storage-pool-version (examples/clusters/hci-4-nodes-22H2.json).")
  private @Nullable Path clusterFile;

  UpgradeCommand() {}

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    PrintWriter out = command.commandLine().getOut();
    if (!check && !run && !finish) {
      return new InputRefused("one of --check, --run or --finish is required").report(command, "No node was touched.");
    }
    if (check && (run || finish)) {
      return new InputRefused("--check goes alone: --run already checks first").report(command, "No node was touched.");
    }
    if ((confirmIrreversible || upgradeVmVersions) && !finish) {
      return new InputRefused("--confirm-irreversible and --upgrade-vm-versions go with --finish")
          .report(command, "No node was touched.");
    }
    SimulatedCluster cluster;
    try {
      cluster = clusterFile == null ? FeatureUpdateScenario.hci22H2To23H2()
          : ClusterBackendChoice.simulatedClusters(clusterFile).apply(Instant.parse(SimulatedBackendProvider.DEFAULT_START));
    } catch (InputRefused e) {
      return e.report(command, "No node was touched.");
    } catch (CauException e) {
      return new InputRefused(String.valueOf(e.getMessage())).report(command, "No node was touched.");
    }
    FeatureUpdateFlow flow = flow(cluster, out);
    boolean good = true;
    if (check || run) {
      good = take(flow.readiness(), out) && take(flow.scan(), out);
      if (good && run) {
        good = take(flow.run(), out) && take(flow.checkForFurtherUpdates(), out);
      }
    }
    if (good && finish) {
      PostUpgradeRequest request = new PostUpgradeRequest(true, confirmIrreversible, true, true, upgradeVmVersions, true);
      for (FlowStep step : flow.finish(request)) {
        good &= take(step, out);
      }
    }
    out.flush();
    return good ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  private static FeatureUpdateFlow flow(SimulatedCluster cluster, PrintWriter out) {
    MixedOsTracker tracker = new MixedOsTracker();
    UpdateCoordinator coordinator = UpdateCoordinator.builder(cluster)
        .plugins(PluginRegistry.builder().register(InMemoryUpdatePluginProvider.restartingNodes(PLUGIN, "feature-"))
            .build())
        .execution(cluster.simulator().execution())
        .identity(CoordinatorIdentity.remote("cau-upgrade", "outside-the-cluster"))
        .listener(tracker)
        .listener(event -> {
          // While the run goes on, each finished node that leaves the cluster mixed says so, with the date.
          if (event instanceof NodeFinished finished && tracker.status().mixed()) {
            out.println("  after " + finished.result().node() + ": " + tracker.status().describe());
          }
        })
        .build();
    RunOptions upgrade = RunOptions.builder().plugin(new PluginSelection(PLUGIN, Map.of())).build();
    return FeatureUpdateFlow.builder(coordinator, cluster, upgrade, cluster.simulator().clock())
        .tracker(tracker)
        .driver(future -> cluster.simulator().runUntil(future::isDone))
        .build();
  }

  /** Prints a step and tells whether the flow may go on. */
  private static boolean take(FlowStep step, PrintWriter out) {
    out.println(step.step() + ": " + step.outcome() + ": " + step.summary());
    step.details().forEach(d -> out.println("  " + d));
    return step.canContinue();
  }
}

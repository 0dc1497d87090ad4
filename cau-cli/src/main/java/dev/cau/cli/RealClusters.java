package dev.cau.cli;

import dev.cau.api.cluster.ClusterBackendProvider;
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.event.RunListener;
import dev.cau.api.result.RunResult;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.ClusterBackends;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.testkit.cluster.SimulatedBackendProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs on a cluster of a real backend: any {@link ClusterBackendProvider} found by
 * {@code ServiceLoader} other than the simulated one, such as {@code pacemaker}.
 *
 * <p>The engine runs in real time ({@link UpdateCoordinator}'s own threads and the system clock),
 * with the plug-ins found by {@code ServiceLoader}; the run's plug-ins are those its profile names.
 * A backend that keeps no run store in the cluster (Pacemaker keeps none, see
 * {@code docs/pacemaker.md}) needs {@code --store}: a {@link dev.cau.core.store.FileRunStore}
 * directory that every coordinator of the cluster shares, whose write lock keeps two coordinators
 * apart.
 */
final class RealClusters {
  private RealClusters() {}

  /**
   * Builds the controller of the cluster a cluster file describes, if its backend is a real one.
   * The backend checks every setting; nothing connects to a node yet.
   *
   * @param description what the cluster file describes
   * @return the controller, or empty if the file names the simulated backend
   * @throws dev.cau.api.InvalidOptionsException if a key or value is not allowed, or the backend
   *     is not installed
   */
  static Optional<ClusterController> controller(ClusterDescription description) {
    ClusterBackendProvider backend = ClusterBackends.discover(RealClusters.class.getClassLoader())
        .require(description.backend(), description.source());
    if (backend instanceof SimulatedBackendProvider) {
      return Optional.empty();
    }
    return Optional.of(backend.create(description));
  }

  /**
   * Refuses a run on a cluster that keeps no run store when no {@code --store} is given.
   *
   * @param cluster the cluster
   * @param store the {@code --store} directory, or {@code null}
   * @throws InputRefused if the run would have nowhere to keep its journal and lock
   */
  static void requireStore(ClusterController cluster, @Nullable Path store) {
    if (store == null && cluster.runStore().isEmpty()) {
      throw new InputRefused("cluster \"" + cluster.name() + "\" keeps no run store, so a run on it needs"
          + " \"--store <dir>\": a run store directory that every coordinator of this cluster shares, whose lock"
          + " keeps two runs apart and whose journal lets an interrupted run be carried on");
    }
  }

  /**
   * Builds the command's coordinator of a real cluster, in real time.
   *
   * @param cluster the cluster
   * @param plugins the installed plug-ins
   * @param store the command's run store, or {@code null} to use the cluster's own
   * @param listener listens to the coordinator's runs
   * @return the coordinator, which the caller closes
   */
  static UpdateCoordinator coordinator(ClusterController cluster, PluginRegistry plugins, @Nullable RunStore store,
      RunListener listener) {
    UpdateCoordinator.Builder coordinator = UpdateCoordinator.builder(cluster)
        .plugins(plugins)
        .identity(CoordinatorIdentity.remote("cau-cli-" + ProcessHandle.current().pid(), host()))
        .listener(listener);
    if (store != null) {
      coordinator.runStore(RecordHooks.around(store));
    }
    return coordinator.build();
  }

  /**
   * Starts a run, or carries on or ends the store's interrupted one, and waits until it has ended.
   *
   * @param cluster the cluster
   * @param store the run store, or {@code null} to use the cluster's own
   * @param added the plug-ins added from a {@code --plugin-path} directory
   * @param options the run's options
   * @param mode what to do
   * @param progress prints the run's events
   * @return the run's result; empty if {@code --force-recovery} found nothing to recover
   * @throws dev.cau.api.PluginNotFoundException if a plug-in of the options is not installed; nothing
   *     was read or touched
   */
  static Optional<RunResult> run(ClusterController cluster, @Nullable RunStore store, List<UpdatePluginProvider> added,
      RunOptions options, Mode mode, RunListener progress) {
    PluginRegistry plugins = plugins(added, options);
    try (UpdateCoordinator coordinator = coordinator(cluster, plugins, store, progress)) {
      Optional<UpdatingRun> run = switch (mode) {
        case START -> Optional.of(coordinator.start(options));
        case RESUME -> Optional.of(resume(coordinator, options));
        case FORCE_RECOVERY -> coordinator.forceRecovery(options);
      };
      if (run.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(run.get().await());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for run " + run.get().runId()
            + "; its journal is in the run store, and '--resume' carries it on", e);
      }
    }
  }

  /**
   * Returns the plug-ins a command on a real cluster can use, after checking that those of the
   * options are among them. They are checked before the engine reads the cluster, so that a
   * missing one is refused even when no node answers.
   *
   * @param added the plug-ins added from a {@code --plugin-path} directory
   * @param options the options whose plug-ins the command uses
   * @return the installed plug-ins and the added ones
   * @throws dev.cau.api.PluginNotFoundException if a plug-in of the options is not among them
   * @throws dev.cau.api.PluginRegistrationException if an added plug-in has the name of an
   *     installed one
   */
  static PluginRegistry plugins(List<UpdatePluginProvider> added, RunOptions options) {
    PluginRegistry plugins = available(added);
    options.plugins().forEach(plugin -> plugins.require(plugin.name()));
    return plugins;
  }

  /**
   * Returns the plug-ins a command on a real cluster can use: those found by {@code ServiceLoader}
   * on the command's own path, and those added from a {@code --plugin-path} directory.
   *
   * @param added the added plug-ins
   * @return the registry
   * @throws dev.cau.api.PluginRegistrationException if an added plug-in has the name of an
   *     installed one
   */
  static PluginRegistry available(List<UpdatePluginProvider> added) {
    PluginRegistry installed = PluginRegistry.discover(RealClusters.class.getClassLoader());
    PluginRegistry.Builder registry = PluginRegistry.builder();
    installed.names().forEach(name -> registry.register(installed.require(name)));
    added.forEach(registry::register);
    return registry.build();
  }

  private static UpdatingRun resume(UpdateCoordinator coordinator, RunOptions options) {
    try {
      return coordinator.resume(options);
    } catch (IllegalStateException e) {
      throw new InputRefused("\"--resume\" needs an interrupted run to carry on: " + e.getMessage());
    }
  }

  /** What {@link #run} does. */
  enum Mode {
    /** Starts a run. */
    START,
    /** Carries on the store's interrupted run. */
    RESUME,
    /** Ends the store's interrupted run Canceled. */
    FORCE_RECOVERY
  }

  private static String host() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "localhost" : host;
  }
}

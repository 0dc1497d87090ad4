package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import dev.cau.api.readiness.ReadinessRule;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Finds and installs updates on one node at a time, on behalf of an updating run.
 *
 * <p>The engine calls, for a node: {@link #scan} for applicable updates; {@link #stage} to
 * prepare them (for example download) before the node is drained; {@link #install} while the
 * node is drained (in CAU's default workflow order; a run may also install first and drain only
 * for a restart, and an offline update installs while the whole cluster is stopped). After
 * installing, and after a restart if one was needed, it calls {@link #scan} again: a plug-in must
 * stop reporting updates it has installed, and may report updates that have only now become
 * applicable.
 *
 * <p>Every method is a plain blocking call. The engine never calls two methods for the same node
 * at once, but may call for different nodes concurrently, so an instance must be thread-safe.
 *
 * <p>A failure of one update is reported as a failed {@link InstallResult}. An infrastructure
 * failure is thrown as {@link dev.cau.api.PluginFailureException}. When
 * {@linkplain PluginContext#cancellation() cancellation} is requested, report the update in
 * progress as {@link UpdateResultCode#CANCELED} and return or throw
 * {@link dev.cau.api.OperationCanceledException}.
 */
@API(status = STABLE, since = "0.1.0")
public interface UpdatePlugin {
  /**
   * Lists the updates that apply to the node now. Scanning must not change the node.
   *
   * @param context the node, the run and the facilities of the call
   * @return the applicable updates, in the order they should be installed
   */
  List<Update> scan(PluginContext context);

  /**
   * Prepares updates before the node is drained, for example by downloading them. The default
   * does nothing. A plug-in that keeps the default counts as staging nothing: updates a re-scan
   * finds after a restart are then installed while the node is still drained, without the extra
   * resume and drain the engine otherwise makes, by default, so that no download falls inside the
   * drained window.
   *
   * @param context the node, the run and the facilities of the call
   * @param updates the updates the scan reported
   */
  default void stage(PluginContext context, List<Update> updates) {}

  /**
   * Installs updates on the node.
   *
   * @param context the node, the run and the facilities of the call
   * @param updates the updates to install, as the last scan reported them
   * @return one result for every update given
   */
  List<InstallResult> install(PluginContext context, List<Update> updates);

  /**
   * Tells whether {@link #install} restarts the node by itself, as an operating-system upgrade
   * does (several times, as setup needs). The engine then never restarts the node for this
   * plug-in: it takes the node out of service before the install, as for a restart, and after the
   * install waits for the node to be ready within the run's {@code PluginRestartTimeoutMinutes}
   * instead of the single-restart {@code RebootTimeoutMinutes}. The default is {@code false}.
   *
   * <p>Asked once per scan; the answer is recorded in the run's journal with the scan.
   *
   * @return whether installing restarts the node
   */
  default boolean restartsNodeItself() {
    return false;
  }

  /**
   * Gives the plug-in what the run's journal holds of its calls, on a coordinator that takes over
   * a run another coordinator started: each node's first scan (what every node was offered when the
   * run started) and the install results so far. Called once, before any other call of this plug-in
   * in the resumed run, on the engine's thread; a plug-in whose decisions depend on what it saw
   * earlier in the run (the build an upgrade must reach, for instance) judges by this rather than by
   * what a fresh scan offers now. The default does nothing.
   *
   * @param journaled the plug-in's journaled calls
   */
  default void resumeRun(JournaledRun journaled) {}

  /**
   * Names the node capabilities the plug-in cannot work without, such as
   * {@link dev.cau.api.capability.ProgramRunner}. A readiness check fails for every node that
   * does not offer one, and a run refuses to start, before any node is touched. The default
   * needs none.
   *
   * @return the capability interfaces
   */
  default List<Class<?>> requiredCapabilities() {
    return List.of();
  }

  /**
   * Contributes readiness rules, checked by {@code testSetup} beside the engine's, and before
   * every run: a failed rule of {@link dev.cau.api.readiness.Severity#ERROR error} severity
   * refuses the run before any node is touched. The default contributes none.
   *
   * @return the rules
   */
  default List<ReadinessRule> readinessRules() {
    return List.of();
  }
}

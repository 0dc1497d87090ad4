package dev.cau.core.featureupdate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.event.NodeScanned;
import dev.cau.api.event.RunEvent;
import dev.cau.api.event.RunListener;
import dev.cau.api.event.UpdatesInstalled;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Follows a run's events to tell, at any moment, whether the cluster is in mixed-OS mode and
 * since when: a node counts as offered the new version when a scan reports it an update with a
 * target build ({@link dev.cau.api.plugin.UpdateFacts#targetBuild()}), and as upgraded when such
 * an update was installed successfully. Register it as a {@link RunListener} of the coordinator.
 *
 * <p>Thread-safe: events and reads may come from different threads.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class MixedOsTracker implements RunListener {
  private final Map<String, String> offered = new LinkedHashMap<>();
  private final Map<String, Instant> upgradedAt = new LinkedHashMap<>();
  private @Nullable String target;
  private @Nullable Instant since;

  /** Creates a tracker that has seen nothing. */
  public MixedOsTracker() {}

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (event instanceof NodeScanned scanned) {
      for (Update update : scanned.updates()) {
        String build = update.facts().targetBuild();
        if (build != null && !upgradedAt.containsKey(scanned.node())) {
          offered.put(scanned.node(), shown(update));
        }
      }
    } else if (event instanceof UpdatesInstalled installed) {
      installed(installed.node(), installed.results());
    }
  }

  /**
   * Returns the state now.
   *
   * @return the mixed-OS status
   */
  public synchronized MixedOsStatus status() {
    List<String> upgraded = new ArrayList<>(upgradedAt.keySet());
    List<String> notUpgraded = offered.keySet().stream().filter(n -> !upgradedAt.containsKey(n)).toList();
    Instant start = !upgraded.isEmpty() && !notUpgraded.isEmpty() ? since : null;
    return new MixedOsStatus(upgraded, notUpgraded, target, start);
  }

  /**
   * Reads the mixed-OS state a finished run left, from its per-update results.
   *
   * @param result the run's result
   * @return the status after the run
   */
  public static MixedOsStatus of(RunResult result) {
    MixedOsTracker tracker = new MixedOsTracker();
    for (NodeResult node : result.nodeResults()) {
      for (InstallResult r : node.installResults()) {
        if (r.update().facts().targetBuild() != null) {
          tracker.offered.putIfAbsent(node.node(), shown(r.update()));
        }
      }
      tracker.installed(node.node(), node.installResults());
    }
    return tracker.status();
  }

  private synchronized void installed(String node, List<InstallResult> results) {
    for (InstallResult result : results) {
      if (result.code() == UpdateResultCode.SUCCEEDED && result.update().facts().targetBuild() != null) {
        target = shown(result.update());
        offered.putIfAbsent(node, target);
        if (!upgradedAt.containsKey(node)) {
          Instant at = result.timestamp();
          upgradedAt.put(node, at);
          if (since == null) {
            since = at;
          }
        }
      }
    }
  }

  private static String shown(Update update) {
    return update.facts().targetVersion() + " (build " + update.facts().targetBuild() + ")";
  }
}

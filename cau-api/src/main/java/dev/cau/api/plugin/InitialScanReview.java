package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Implemented by a plug-in that must see what every node was offered before the run changes any
 * node: Rolling Upgrade, for instance, refuses a run whose nodes were not all offered the same
 * feature update. The engine calls it once per run, after the first scan of every node and before
 * any node is taken out of service; the answer is recorded in the run's journal.
 */
@API(status = STABLE, since = "0.1.0")
public interface InitialScanReview {
  /**
   * Looks at the first scan of every node that was scanned.
   *
   * @param updatesByNode what this plug-in's scan offered each node, in node order; nodes that
   *     could not be scanned are absent
   * @return empty to go on, or the reason the run must stop, which the run's result states
   */
  Optional<String> reviewInitialScan(Map<String, List<Update>> updatesByNode);
}

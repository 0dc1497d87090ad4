package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a run's journal holds of one plug-in's calls, handed to the plug-in when a coordinator takes
 * the run over ({@link UpdatePlugin#resumeRun}): the plug-in's memory of the run is lost with the
 * coordinator that stopped, the journal's is not.
 *
 * @param firstScans what the plug-in's first scan of each node offered when the run started, by
 *     node, in the order the nodes were scanned; a node whose first scan failed is absent
 * @param installed the install results the plug-in reported on each node in the run so far, by
 *     node, oldest first; a node without any is absent
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record JournaledRun(Map<String, List<Update>> firstScans, Map<String, List<InstallResult>> installed) {
  /** Nothing journaled: a plug-in's view of a run that has not called it yet. */
  public static final JournaledRun EMPTY = new JournaledRun(Map.of(), Map.of());

  /**
   * Copies the maps and their lists, keeping their order.
   *
   * @param firstScans the first scans by node
   * @param installed the install results by node
   */
  public JournaledRun {
    firstScans = copy(firstScans);
    installed = copy(installed);
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> byNode) {
    Map<String, List<T>> copy = new LinkedHashMap<>();
    byNode.forEach((node, values) -> copy.put(node, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }
}

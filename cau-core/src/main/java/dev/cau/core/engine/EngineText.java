package dev.cau.core.engine;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.plugin.Update;
import dev.cau.core.text.Counts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How the state machines word durations, updates and node states in reasons and events. */
final class EngineText {
  private EngineText() {}

  /** "15 minutes" for whole minutes, ISO-8601 otherwise. */
  static String minutes(Duration duration) {
    long minutes = duration.toMinutes();
    return duration.equals(Duration.ofMinutes(minutes)) ? Counts.of(minutes, "minute") : duration.toString();
  }

  /** The updates' titles, quoted, comma-separated. */
  static String titles(List<Update> updates) {
    return updates.stream().map(u -> "\"" + u.title() + "\"").reduce((a, b) -> a + ", " + b).orElse("");
  }

  static NodeState stateOf(ClusterSnapshot snapshot, String node) {
    return snapshot.node(node).map(NodeSnapshot::state).orElse(NodeState.UNKNOWN);
  }

  /** "Down" for DOWN: the way Get-ClusterNode shows a state. */
  static String display(NodeState state) {
    String name = state.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  /** "node "n1" is Down, node "n2" is Paused". */
  static String describe(ClusterSnapshot snapshot, List<String> names) {
    List<String> parts = names.stream().map(n -> "node \"" + n + "\" is " + display(stateOf(snapshot, n))).toList();
    return String.join(", ", parts);
  }

  /** Says that a coordinator took a run over from the one before it. */
  static String takeover(String previous, String next) {
    return "Coordinator \"" + next + "\" took the run over from \"" + previous
        + "\"; the calls whose answers were lost are made again";
  }
}

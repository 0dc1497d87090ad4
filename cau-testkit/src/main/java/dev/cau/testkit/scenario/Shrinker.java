package dev.cau.testkit.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Reduces a failing scenario to a smaller one that still fails: fewer faults, simpler options,
 * fewer nodes, roles and updates. Greedy and deterministic: it keeps the first simplification
 * that still fails and starts again, until none does.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Shrinker {
  private static final int MAX_TRIES = 20_000;

  private Shrinker() {}

  /**
   * Shrinks a scenario.
   *
   * @param failing a scenario for which {@code stillFails} holds
   * @param stillFails whether a candidate still shows the failure; a candidate whose options do
   *     not fit its cluster counts as not failing
   * @return the smallest failing scenario found
   */
  public static Scenario shrink(Scenario failing, Predicate<Scenario> stillFails) {
    Scenario current = failing;
    int tries = 0;
    boolean progress = true;
    while (progress && tries < MAX_TRIES) {
      progress = false;
      for (Scenario candidate : candidates(current)) {
        tries++;
        if (fails(candidate, stillFails)) {
          current = candidate;
          progress = true;
          break;
        }
        if (tries >= MAX_TRIES) {
          break;
        }
      }
    }
    return current;
  }

  private static boolean fails(Scenario candidate, Predicate<Scenario> stillFails) {
    try {
      return stillFails.test(candidate);
    } catch (CauException | IllegalArgumentException e) {
      return false; // the simplification made the scenario invalid, not the failure smaller
    }
  }

  /** Simplifications, biggest first. */
  private static List<Scenario> candidates(Scenario s) {
    List<Scenario> out = new ArrayList<>();
    if (s.cancelAfter() != null) {
      out.add(s.withoutCancel());
    }
    CoordinatorFault fault = s.coordinatorFault();
    if (fault != null) {
      out.add(s.withoutCoordinatorFault());
      if (fault.kind() == CoordinatorFault.Kind.STALL) {
        out.add(s.withCoordinatorFault(new CoordinatorFault(CoordinatorFault.Kind.CRASH, fault.afterEntry())));
      }
    }
    if (!s.storageResync().isZero()) {
      out.add(s.withoutStorageResync());
    }
    for (int i = 0; i < s.nodes().size(); i++) {
      ScenarioNode node = s.nodes().get(i);
      java.time.Duration crash = node.crashAfter();
      if (crash != null) {
        // A crash tied to the node's own update, or an earlier one, keeps its effect when the
        // nodes before it are removed; a crash at a fixed time does not.
        out.add(replace(s, i, node.crashingWhileInstallingInstead()));
        if (crash.compareTo(java.time.Duration.ofSeconds(7)) > 0) {
          out.add(replace(s, i, node.crashingAfter(java.time.Duration.ofSeconds(7))));
        }
      }
    }
    RunOptions plain = Simulation.options().quorumPolicy(s.options().quorumPolicy()).build();
    if (!plain.toString().equals(s.options().toString())) {
      out.add(s.withOptions(plain));
      RunOptions.Builder keepLimits = Simulation.options()
          .quorumPolicy(s.options().quorumPolicy()).maxRetriesPerNode(s.options().maxRetriesPerNode());
      s.options().maxFailedNodes().ifPresent(keepLimits::maxFailedNodes);
      out.add(s.withOptions(keepLimits.build()));
    }
    // Halve the cluster, then drop nodes one by one, from the end.
    if (s.nodes().size() > 3) {
      out.add(withNodes(s, s.nodes().subList(0, Math.max(2, s.nodes().size() / 2))));
    }
    for (int i = s.nodes().size() - 1; i >= 0 && s.nodes().size() > 2; i--) {
      List<ScenarioNode> fewer = new ArrayList<>(s.nodes());
      fewer.remove(i);
      out.add(withNodes(s, fewer));
    }
    for (int i = 0; i < s.nodes().size(); i++) {
      ScenarioNode node = s.nodes().get(i);
      if (node.faults() > 0) {
        out.add(replace(s, i, node.withoutFaults()));
      }
      if (node.initialState() != dev.cau.api.cluster.NodeState.UP) {
        out.add(replace(s, i, node.up()));
      }
      for (int u = node.updates().size() - 1; u >= 0; u--) {
        List<dev.cau.testkit.cluster.SimulatedUpdate> updates = new ArrayList<>(node.updates());
        String removed = updates.remove(u).id();
        if (updates.stream().noneMatch(x -> removed.equals(x.appearsAfter()))) {
          out.add(replace(s, i, node.withUpdates(updates)));
        }
      }
    }
    List<String> roles = new ArrayList<>(s.roles().keySet());
    if (!roles.isEmpty()) {
      out.add(s.with(s.nodes(), Map.of()));
    }
    for (String role : roles) {
      Map<String, String> fewer = new LinkedHashMap<>(s.roles());
      fewer.remove(role);
      out.add(s.with(s.nodes(), fewer));
    }
    return out;
  }

  private static Scenario withNodes(Scenario s, List<ScenarioNode> nodes) {
    java.util.Set<String> names = new java.util.HashSet<>();
    nodes.forEach(n -> names.add(n.name()));
    Map<String, String> roles = new LinkedHashMap<>();
    s.roles().forEach((role, owner) -> {
      if (names.contains(owner)) {
        roles.put(role, owner);
      }
    });
    return s.with(nodes, roles);
  }

  private static Scenario replace(Scenario s, int index, ScenarioNode node) {
    List<ScenarioNode> nodes = new ArrayList<>(s.nodes());
    nodes.set(index, node);
    Map<String, String> roles = new LinkedHashMap<>(s.roles());
    if (node.initialState() != dev.cau.api.cluster.NodeState.UP) {
      roles.values().removeIf(owner -> owner.equals(node.name()));
    }
    return s.with(nodes, roles);
  }
}

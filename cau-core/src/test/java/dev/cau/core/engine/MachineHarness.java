package dev.cau.core.engine;

import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.ScriptOutcome;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.Witness;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.RunHeader.RunKind;
import dev.cau.core.journal.RunInput;
import dev.cau.core.options.RunOptions;
import dev.cau.core.policy.OrchestrationPolicy;
import dev.cau.core.policy.RolloutPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Drives a {@link RunStateMachine} by hand, with no driver, no threads and no simulator: the
 * test answers each call the machine makes and reads the commands it returns. Three nodes n1..n3
 * and a file-share witness; one plug-in, "P", that offers update KB1 (needing a restart) to every
 * node until it is installed there.
 */
final class MachineHarness {
  static final String PLUGIN = "P";
  static final Update KB1 = new Update("KB1", "Cumulative update", "");

  private final RunStateMachine machine;
  private final Map<Integer, Command.Call> calls = new LinkedHashMap<>();
  private final Map<String, NodeState> states = new LinkedHashMap<>();
  private final Map<String, Integer> boots = new LinkedHashMap<>();
  private final List<String> installed = new ArrayList<>();
  private Instant now = Instant.parse("2026-01-20T03:00:00Z");
  /** What the latest input returned. */
  List<Command> last = List.of();

  MachineHarness(RunKind kind, RunOptions options) {
    RolloutPolicy rollout = kind == RunKind.OFFLINE ? RolloutPolicy.ALL_AT_ONCE : RolloutPolicy.CAU;
    machine = new RunStateMachine(new RunId(new UUID(0, 1)), kind, options, rollout, OrchestrationPolicy.CAU);
    for (String node : List.of("n1", "n2", "n3")) {
      states.put(node, NodeState.UP);
      boots.put(node, 1);
    }
  }

  static MachineHarness rolling() {
    return new MachineHarness(RunKind.ROLLING, RunOptions.builder().plugin(PLUGIN).build());
  }

  RunStateMachine machine() {
    return machine;
  }

  NodePhase phase(String node) {
    return machine.phaseOf(node);
  }

  void setState(String node, NodeState state) {
    states.put(node, state);
  }

  ClusterSnapshot snapshot() {
    List<NodeSnapshot> nodes = new ArrayList<>();
    states.forEach((name, state) -> nodes.add(new NodeSnapshot(name, state, 1, FaultDomain.NONE,
        state == NodeState.DOWN ? "" : name + "/" + boots.get(name))));
    return new ClusterSnapshot("lab", nodes, new Witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE), List.of(),
        StorageHealth.HEALTHY);
  }

  MachineHarness start() {
    return apply(new RunInput.Started(snapshot(), "tester", now));
  }

  MachineHarness apply(RunInput input) {
    last = machine.apply(input);
    for (Command command : last) {
      if (command instanceof Command.Call call) {
        calls.put(call.token(), call);
      }
    }
    return this;
  }

  /** The pending call on the target (a node, or the cluster "lab") that matches, oldest first. */
  Command.Call pending(String target, Predicate<Operation> which) {
    return calls.values().stream().filter(c -> c.node().equals(target) && which.test(c.operation())).findFirst()
        .orElseThrow(() -> new AssertionError("no such call pending on " + target));
  }

  /** Answers the target's oldest pending call with the result. */
  MachineHarness answer(String target, CallResult result) {
    Command.Call call = calls.values().stream().filter(c -> c.node().equals(target)).findFirst()
        .orElseThrow(() -> new AssertionError("no call pending on " + target + "; last commands " + last));
    calls.remove(call.token());
    now = now.plus(Duration.ofMinutes(1));
    return apply(new RunInput.CallCompleted(call.token(), target, result, now));
  }

  /** The answer a healthy cluster gives to the call. */
  CallResult happyAnswer(Command.Call call) {
    Operation operation = call.operation();
    String node = call.node();
    if (operation instanceof Operation.ScanUpdates) {
      return new CallResult.Scanned(PLUGIN, installed.contains(node) ? List.of() : List.of(KB1));
    } else if (operation instanceof Operation.ObserveCluster) {
      return new CallResult.Observed(snapshot());
    } else if (operation instanceof Operation.Suspend) {
      states.put(node, NodeState.PAUSED);
      return new CallResult.Done();
    } else if (operation instanceof Operation.Resume) {
      states.put(node, NodeState.UP);
      return new CallResult.Done();
    } else if (operation instanceof Operation.InstallUpdates) {
      installed.add(node);
      return new CallResult.Installed(PLUGIN, List.of(InstallResult.succeeded(KB1, true, now)));
    } else if (operation instanceof Operation.Restart) {
      boots.merge(node, 1, Integer::sum);
      return new CallResult.Restarted(RebootMode.FULL);
    } else if (operation instanceof Operation.AwaitReady) {
      return new CallResult.Ready(true);
    } else if (operation instanceof Operation.RunScript) {
      return new CallResult.ScriptEnded(new ScriptOutcome(0, "ok"));
    }
    return new CallResult.Done();
  }

  /** Answers pending calls as a healthy cluster would, oldest first, until the node is in the phase. */
  MachineHarness reach(String node, NodePhase phase) {
    int guard = 0;
    while (phase(node) != phase) {
      if (calls.isEmpty() || ++guard > 200) {
        throw new AssertionError(node + " never reached " + phase + "; it is " + phase(node) + ", last commands " + last);
      }
      Command.Call call = calls.values().iterator().next();
      answer(call.node(), happyAnswer(call));
    }
    return this;
  }

  /** The operations the latest input asked for, by their simple names. */
  List<String> calledNow() {
    return last.stream().filter(c -> c instanceof Command.Call).map(c -> ((Command.Call) c).operation().getClass().getSimpleName()).toList();
  }

  /** The steps the latest input published. */
  List<NodeStep> stepsNow() {
    return last.stream().filter(c -> c instanceof Command.Publish p && p.event() instanceof NodeStepStarted)
        .map(c -> ((NodeStepStarted) ((Command.Publish) c).event()).step()).toList();
  }
}

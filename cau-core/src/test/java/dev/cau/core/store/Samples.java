package dev.cau.core.store;

import dev.cau.api.RunId;
import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.ClusteredRole;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.RoleState;
import dev.cau.api.cluster.ScriptOutcome;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.StorageHealthStatus;
import dev.cau.api.cluster.Witness;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.journal.CallResult;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RolloutDescriptor;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.journal.RunInput;
import dev.cau.core.quorum.QuorumPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Realistic values of every type the codec writes, shared by the store's tests. */
final class Samples {
  static final RunId RUN_ID = RunId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  static final Instant START = Instant.parse("2026-03-01T09:15:00Z");
  static final Instant LATER = Instant.parse("2026-03-01T09:20:31.123456789Z");
  static final Instant END = Instant.parse("2026-03-01T10:17:03Z");
  static final int E_INSTALL_FAILED = 0x80070643;

  /** Quotes, a backslash, control characters, a line break, non-Latin text and an emoji. */
  static final String AWKWARD =
      "say \"hi\" \\ tab\t nul\u0000 bell\u0007 del\u007f line\nbreak\r\u2028 Grüße 日本 😀";

  private Samples() {}

  static ClusterSnapshot snapshot() {
    return new ClusterSnapshot(
        "CLUSTER1",
        List.of(
            new NodeSnapshot("NODE1", NodeState.UP, 1, new FaultDomain("Berlin", "R1", "C7")),
            new NodeSnapshot("NODE2", NodeState.PAUSED, 1, FaultDomain.site("Berlin")),
            new NodeSnapshot("NODE3", NodeState.DOWN, 0, FaultDomain.NONE),
            new NodeSnapshot("NODE4", NodeState.JOINING, 1, new FaultDomain(null, "R2", null))),
        new Witness(WitnessKind.CLOUD, WitnessState.ONLINE),
        List.of(
            new ClusteredRole("SQL", "NODE1", List.of("NODE1", "NODE2"), RoleState.ONLINE),
            new ClusteredRole("VM 7 \"web\"", "NODE2", List.of(), RoleState.PARTIAL_ONLINE),
            new ClusteredRole("File server", "NODE1", List.of("NODE4"), RoleState.FAILED)),
        new StorageHealth(StorageHealthStatus.DEGRADED, 3));
  }

  /**
   * The cluster of {@link #snapshot()} a little later: NODE2 resumed with its boot identity known,
   * the SQL role back online on NODE2, the witness offline, storage repaired, and a fifth node.
   */
  static ClusterSnapshot laterSnapshot() {
    ClusterSnapshot before = snapshot();
    List<NodeSnapshot> nodes = new ArrayList<>(before.nodes());
    nodes.set(1, new NodeSnapshot("NODE2", NodeState.UP, 1, FaultDomain.site("Berlin"), "b00t-2"));
    nodes.add(new NodeSnapshot("NODE5 \"new\"", NodeState.JOINING, 1, FaultDomain.NONE));
    List<ClusteredRole> roles = new ArrayList<>(before.roles());
    roles.set(0, new ClusteredRole("SQL", "NODE2", List.of("NODE1", "NODE2"), RoleState.ONLINE));
    return new ClusterSnapshot(
        before.name(),
        nodes,
        new Witness(WitnessKind.CLOUD, WitnessState.OFFLINE),
        roles,
        StorageHealth.HEALTHY);
  }

  static ClusterSnapshot emptySnapshot() {
    return new ClusterSnapshot("", List.of(), Witness.NONE, List.of(), StorageHealth.HEALTHY);
  }

  static List<Update> updates() {
    return List.of(
        new Update("KB5034441", "2026-01 Security update", "Fixes \"BitLocker\" bypass"),
        Update.of("KB5034122", "Cumulative update"),
        new Update("{9f1c-guid}", AWKWARD, ""));
  }

  static List<InstallResult> installResults() {
    List<Update> updates = updates();
    return List.of(
        InstallResult.succeeded(updates.get(0), true, LATER),
        InstallResult.failed(updates.get(1), E_INSTALL_FAILED, END),
        new InstallResult(updates.get(2), UpdateResultCode.ALREADY_INSTALLED, 0, false, START),
        new InstallResult(updates.get(0), UpdateResultCode.NOT_APPLICABLE, -1, false, START),
        new InstallResult(
            updates.get(1), UpdateResultCode.CANCELED, Integer.MIN_VALUE, true, Instant.EPOCH));
  }

  /** One call result of every variant. */
  static List<CallResult> callResults() {
    return List.of(
        new CallResult.Scanned("Microsoft.WindowsUpdatePlugin", updates()),
        new CallResult.Scanned("empty", List.of()),
        new CallResult.Installed("Microsoft.HotfixPlugin", installResults()),
        new CallResult.ScriptEnded(new ScriptOutcome(0, "")),
        new CallResult.ScriptEnded(new ScriptOutcome(-2147024891, AWKWARD)),
        new CallResult.Ready(true),
        new CallResult.Ready(false),
        new CallResult.Observed(snapshot()),
        new CallResult.Observed(laterSnapshot()),
        new CallResult.Observed(laterSnapshot()),
        new CallResult.Observed(emptySnapshot()),
        new CallResult.Done(),
        new CallResult.Restarted(RebootMode.FULL),
        new CallResult.Restarted(RebootMode.SOFT),
        CallResult.Failed.of("Node \"NODE2\" did not answer: " + AWKWARD),
        new CallResult.Failed("Storage is degraded", true));
  }

  /** One run input of every variant, with every call result. */
  static List<RunInput> inputs() {
    List<RunInput> inputs = new ArrayList<>();
    inputs.add(new RunInput.Started(snapshot(), "coordinator-1@ADMIN-PC", START));
    inputs.add(new RunInput.Started(emptySnapshot(), "", Instant.MIN));
    int token = 1;
    for (CallResult result : callResults()) {
      inputs.add(new RunInput.CallCompleted(token++, "NODE1", result, LATER));
    }
    inputs.add(new RunInput.CallCompleted(Integer.MAX_VALUE, AWKWARD, new CallResult.Done(), END));
    inputs.add(new RunInput.TimerFired(7, LATER));
    inputs.add(new RunInput.TimerFired(-1, Instant.MAX));
    inputs.add(new RunInput.CancelRequested("Stop-CauRun by " + AWKWARD, END));
    inputs.add(new RunInput.Resumed("coordinator-2@NODE3", END));
    return inputs;
  }

  static List<JournalEntry> entries() {
    List<RunInput> inputs = inputs();
    List<JournalEntry> entries = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      entries.add(new JournalEntry(i + 1L, inputs.get(i)));
    }
    return entries;
  }

  static RunHeader header() {
    return header(RUN_ID);
  }

  static RunHeader header(RunId runId) {
    return new RunHeader(
        runId,
        "CLUSTER1",
        RunHeader.RunKind.ROLLING,
        "# cau4j run profile\n"
            + "MaxRetriesPerNode = 3\n"
            + "CauPluginName = Microsoft.WindowsUpdatePlugin\n",
        List.of("NODE2", "NODE1"),
        QuorumPolicy.STATIC_MAJORITY,
        RolloutDescriptor.of("cau.one-node-at-a-time"),
        START);
  }

  static RunResult result() {
    List<InstallResult> results = installResults();
    return new RunResult(
        RUN_ID,
        "CLUSTER1",
        SummaryStatus.PARTIALLY_FAILED,
        START,
        END,
        List.of(
            new NodeResult(
                "NODE1",
                SummaryStatus.PARTIALLY_FAILED,
                results,
                2,
                1,
                RebootMode.SOFT,
                true,
                "KB5034122 failed: " + AWKWARD),
            new NodeResult("NODE2", SummaryStatus.SUCCEEDED, List.of(), 0, 0, null, false, null),
            new NodeResult(
                "NODE3",
                SummaryStatus.FAILED,
                results.subList(1, 2),
                3,
                2,
                RebootMode.FULL,
                false,
                "")),
        "1 node did not succeed",
        List.of("coordinator-1@ADMIN-PC", "coordinator-2@NODE3"));
  }
}

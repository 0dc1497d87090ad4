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
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Generates random values of every type the codec writes, from a seeded {@link Random}: strings
 * with quotes, backslashes, control characters, non-Latin text, surrogate pairs and unpaired
 * surrogates; instants over the whole range of {@link Instant}; every enum constant and variant.
 */
final class RandomValues {
  private static final String SPECIAL = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029 ";

  private final Random random;

  RandomValues(long seed) {
    this.random = new Random(seed);
  }

  String string() {
    int length = random.nextInt(4) == 0 ? 0 : random.nextInt(24);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0 -> text.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
        case 1 -> text.append((char) random.nextInt(0x20));
        case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 3 -> text.append((char) (0xD800 + random.nextInt(0x800)));
        case 4 -> text.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
        default -> text.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return text.toString();
  }

  private String name(String prefix) {
    return prefix + random.nextInt(1000) + string();
  }

  private @Nullable String nullableString() {
    return random.nextBoolean() ? null : string();
  }

  Instant instant() {
    return switch (random.nextInt(6)) {
      case 0 -> Instant.MIN;
      case 1 -> Instant.MAX;
      case 2 ->
          Instant.ofEpochSecond(
              random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
              random.nextInt(1_000_000_000));
      case 3 -> Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000));
      default ->
          Instant.ofEpochSecond(
              1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
    };
  }

  private int anyInt() {
    return switch (random.nextInt(4)) {
      case 0 -> Integer.MIN_VALUE;
      case 1 -> Integer.MAX_VALUE;
      default -> random.nextInt();
    };
  }

  private <E extends Enum<E>> E constant(Class<E> type) {
    E[] constants = type.getEnumConstants();
    return constants[random.nextInt(constants.length)];
  }

  private <T> List<T> list(int max, Supplier<T> element) {
    int size = random.nextInt(max + 1);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.get());
    }
    return list;
  }

  RunId runId() {
    return new RunId(new UUID(random.nextLong(), random.nextLong()));
  }

  ClusterSnapshot snapshot() {
    int nodeCount = random.nextInt(7);
    List<NodeSnapshot> nodes = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(node("N" + i + string()));
    }
    return new ClusterSnapshot(string(), nodes, witness(), list(5, this::role), storage());
  }

  private NodeSnapshot node(String name) {
    return new NodeSnapshot(
        name,
        constant(NodeState.class),
        random.nextInt(2),
        new FaultDomain(nullableString(), nullableString(), nullableString()),
        random.nextBoolean() ? "" : "boot-" + string());
  }

  private ClusteredRole role() {
    return new ClusteredRole(string(), string(), list(3, this::string), constant(RoleState.class));
  }

  private Witness witness() {
    return new Witness(constant(WitnessKind.class), constant(WitnessState.class));
  }

  private StorageHealth storage() {
    return new StorageHealth(constant(StorageHealthStatus.class), random.nextInt(Integer.MAX_VALUE));
  }

  /**
   * Generates what a cluster may look like after another snapshot: usually the same cluster with a
   * few nodes or roles changed, added or removed, the witness or storage changed; sometimes the
   * very same snapshot, an equal copy, or another cluster altogether.
   *
   * @param before the earlier snapshot
   * @return the later snapshot
   */
  ClusterSnapshot snapshotAfter(ClusterSnapshot before) {
    switch (random.nextInt(12)) {
      case 0 -> {
        return before;
      }
      case 1 -> {
        return new ClusterSnapshot(before.name(), new ArrayList<>(before.nodes()), before.witness(),
            new ArrayList<>(before.roles()), before.storage());
      }
      case 2 -> {
        return snapshot();
      }
      default -> {
        List<NodeSnapshot> nodes = new ArrayList<>(before.nodes());
        for (int i = random.nextInt(3); i > 0 && !nodes.isEmpty(); i--) {
          int at = random.nextInt(nodes.size());
          NodeSnapshot node = nodes.get(at);
          nodes.set(at, random.nextBoolean()
              ? new NodeSnapshot(node.name(), constant(NodeState.class), node.voteWeight(), node.faultDomain(),
                  node.bootId())
              : node(node.name()));
        }
        if (random.nextInt(4) == 0 && !nodes.isEmpty()) {
          nodes.remove(random.nextInt(nodes.size()));
        }
        for (int i = random.nextInt(4) == 0 ? random.nextInt(3) : 0; i > 0; i--) {
          nodes.add(node("added-" + random.nextInt(1_000_000) + "-" + nodes.size() + string()));
        }
        if (nodes.stream().map(NodeSnapshot::name).distinct().count() != nodes.size()) {
          nodes = new ArrayList<>(before.nodes());
        }
        List<ClusteredRole> roles = new ArrayList<>(before.roles());
        for (int i = random.nextInt(3); i > 0 && !roles.isEmpty(); i--) {
          int at = random.nextInt(roles.size());
          ClusteredRole role = roles.get(at);
          roles.set(at, random.nextBoolean()
              ? new ClusteredRole(role.name(), string(), role.possibleOwners(), constant(RoleState.class))
              : role());
        }
        if (random.nextInt(4) == 0 && !roles.isEmpty()) {
          roles.remove(random.nextInt(roles.size()));
        }
        if (random.nextInt(4) == 0) {
          roles.addAll(list(2, this::role));
        }
        return new ClusterSnapshot(
            before.name(),
            nodes,
            random.nextInt(4) == 0 ? witness() : before.witness(),
            roles,
            random.nextInt(4) == 0 ? storage() : before.storage());
      }
    }
  }

  /**
   * Generates the entries of one run's journal, in sequence from 1: the run starts, and every
   * snapshot it observes follows from the one before it, as a cluster's do.
   *
   * @param maxEntries the most entries
   * @return the entries
   */
  List<JournalEntry> journal(int maxEntries) {
    int count = 1 + random.nextInt(maxEntries);
    List<JournalEntry> entries = new ArrayList<>(count);
    ClusterSnapshot latest = snapshot();
    entries.add(new JournalEntry(1, new RunInput.Started(latest, string(), instant())));
    for (long sequence = 2; sequence <= count; sequence++) {
      RunInput input;
      if (random.nextInt(3) == 0) {
        latest = snapshotAfter(latest);
        input = new RunInput.CallCompleted(
            anyInt(), string(), new CallResult.Observed(latest), instant());
      } else {
        input = input();
        if (input instanceof RunInput.Started started) {
          latest = started.snapshot();
        } else if (input instanceof RunInput.CallCompleted completed
            && completed.result() instanceof CallResult.Observed observed) {
          latest = observed.snapshot();
        }
      }
      entries.add(new JournalEntry(sequence, input));
    }
    return entries;
  }

  Update update() {
    return new Update(name("KB"), string(), string());
  }

  InstallResult installResult() {
    return new InstallResult(
        update(), constant(UpdateResultCode.class), anyInt(), random.nextBoolean(), instant());
  }

  CallResult callResult() {
    return switch (random.nextInt(8)) {
      case 0 -> new CallResult.Scanned(string(), list(4, this::update), random.nextBoolean(), random.nextBoolean());
      case 1 -> new CallResult.Installed(string(), list(4, this::installResult));
      case 2 -> new CallResult.ScriptEnded(new ScriptOutcome(anyInt(), string()));
      case 3 -> new CallResult.Ready(random.nextBoolean());
      case 4 -> new CallResult.Observed(snapshot());
      case 5 -> new CallResult.Done();
      case 6 -> new CallResult.Restarted(constant(RebootMode.class));
      default -> new CallResult.Failed(string(), random.nextBoolean());
    };
  }

  RunInput input() {
    return switch (random.nextInt(5)) {
      case 0 -> new RunInput.Started(snapshot(), string(), instant());
      case 1 -> new RunInput.CallCompleted(anyInt(), string(), callResult(), instant());
      case 2 -> new RunInput.TimerFired(anyInt(), instant());
      case 3 -> new RunInput.CancelRequested(string(), instant());
      default -> new RunInput.Resumed(string(), instant());
    };
  }

  JournalEntry entry() {
    long sequence =
        random.nextBoolean() ? 1 + random.nextInt(10_000) : random.nextLong(1, Long.MAX_VALUE);
    return new JournalEntry(sequence, input());
  }

  RunHeader header() {
    return new RunHeader(
        runId(),
        string(),
        constant(RunHeader.RunKind.class),
        string(),
        list(6, this::string),
        constant(QuorumPolicy.class),
        new RolloutDescriptor(string().isEmpty() ? "p" : "p" + string(), Map.of(string(), string())),
        instant());
  }

  RunResult result() {
    return new RunResult(
        runId(),
        string(),
        constant(SummaryStatus.class),
        instant(),
        instant(),
        list(
            5,
            () ->
                new NodeResult(
                    string(),
                    constant(SummaryStatus.class),
                    list(4, this::installResult),
                    anyInt(),
                    anyInt(),
                    random.nextBoolean() ? null : constant(RebootMode.class),
                    random.nextBoolean(),
                    nullableString())),
        nullableString(),
        list(3, this::string));
  }
}

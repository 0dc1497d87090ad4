package dev.cau.core.store;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns run journal headers, journal entries and run results into stored records and back.
 *
 * <p>A record is one line of compact JSON (RFC 8259), such as this entry (shown on two lines):
 *
 * <pre>{@code
 * {"v":1,"type":"entry","sequence":7,
 *  "input":{"type":"timerFired","token":3,"at":"2026-03-01T09:15:00Z"}}
 * }</pre>
 *
 * <p>Every record is an object with the format version {@code "v"} ({@value #FORMAT_VERSION}) and a
 * {@code "type"}: {@code "header"}, {@code "entry"} or {@code "result"}; run inputs and call
 * results nested in an entry carry a {@code "type"} too, the variant's name in lower camel case
 * ({@code "callCompleted"}, {@code "scriptEnded"}, ...). Members are named after the record
 * components they hold (a {@code "scriptEnded"} result holds its outcome's {@code "exitCode"} and
 * {@code "detail"} directly); every member is written, a {@code null} component as {@code null}. Instants
 * are written as {@link java.time.Instant#toString()} writes them (ISO-8601 in UTC, as precise as
 * the instant), run ids in their canonical UUID form, enum constants by name.
 *
 * <p>Decoding is strict: a record longer than {@value #MAX_RECORD_LENGTH} characters, nested deeper
 * than {@value #MAX_DEPTH} levels, that is not JSON, has a newer format version, misses a member,
 * has one of the wrong type or one this version does not know, names an unknown type or enum
 * constant, or holds a value the decoded type refuses, throws a {@link JournalFormatException} that
 * names the field. What is encoded decodes to an equal value.
 *
 * <p>The methods are pure and thread-safe.
 */
public final class JournalCodec {
  /** The format version this class writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The longest record, in characters, that decoding accepts: 16 MiB. */
  public static final int MAX_RECORD_LENGTH = 16 * 1024 * 1024;

  /** The deepest nesting of JSON objects and arrays that decoding accepts. */
  public static final int MAX_DEPTH = 64;

  private static final String HEADER = "header";
  private static final String ENTRY = "entry";
  private static final String RESULT = "result";

  private static final String STARTED = "started";
  private static final String CALL_COMPLETED = "callCompleted";
  private static final String TIMER_FIRED = "timerFired";
  private static final String CANCEL_REQUESTED = "cancelRequested";
  private static final String RESUMED = "resumed";

  private static final String SCANNED = "scanned";
  private static final String INSTALLED = "installed";
  private static final String SCRIPT_ENDED = "scriptEnded";
  private static final String READY = "ready";
  private static final String OBSERVED = "observed";
  private static final String DONE = "done";
  private static final String RESTARTED = "restarted";
  private static final String FAILED = "failed";

  private JournalCodec() {}

  // ---------------------------------------------------------------------------------- encoding

  /**
   * Encodes the header of a run journal.
   *
   * @param header the header
   * @return the record, one line of JSON
   */
  public static String encodeHeader(RunHeader header) {
    return CompactJsonWriter.write(
        record(HEADER)
            .put("runId", header.runId().toString())
            .put("cluster", header.cluster())
            .put("kind", header.kind().name())
            .put("profile", header.profile())
            .put("nodeOrder", header.nodeOrder())
            .put("quorumPolicy", header.quorumPolicy().name())
            .put("rollout", new Members()
                .put("name", header.rollout().name())
                .put("parameters", new LinkedHashMap<String, Object>(header.rollout().parameters()))
                .members)
            .put("startedAt", header.startedAt().toString())
            .members);
  }

  /**
   * Encodes an entry of a run journal.
   *
   * @param entry the entry
   * @return the record, one line of JSON
   */
  public static String encodeEntry(JournalEntry entry) {
    return CompactJsonWriter.write(
        record(ENTRY).put("sequence", entry.sequence()).put("input", input(entry.input())).members);
  }

  /**
   * Encodes the result of a run, for the run's stored report.
   *
   * @param result the result
   * @return the record, one line of JSON
   */
  public static String encodeResult(RunResult result) {
    return CompactJsonWriter.write(
        record(RESULT)
            .put("runId", result.runId().toString())
            .put("cluster", result.cluster())
            .put("status", result.status().name())
            .put("startedAt", result.startedAt().toString())
            .put("finishedAt", result.finishedAt().toString())
            .put("nodeResults", map(result.nodeResults(), JournalCodec::nodeResult))
            .put("reason", result.reason())
            .put("coordinators", result.coordinators())
            .members);
  }

  private static Members record(String type) {
    return new Members().put("v", FORMAT_VERSION).put("type", type);
  }

  private static Map<String, Object> input(RunInput input) {
    if (input instanceof RunInput.Started started) {
      return new Members()
          .put("type", STARTED)
          .put("snapshot", snapshot(started.snapshot()))
          .put("coordinator", started.coordinator())
          .put("at", started.at().toString())
          .members;
    }
    if (input instanceof RunInput.CallCompleted completed) {
      return new Members()
          .put("type", CALL_COMPLETED)
          .put("token", completed.token())
          .put("node", completed.node())
          .put("result", callResult(completed.result()))
          .put("at", completed.at().toString())
          .members;
    }
    if (input instanceof RunInput.TimerFired fired) {
      return new Members()
          .put("type", TIMER_FIRED)
          .put("token", fired.token())
          .put("at", fired.at().toString())
          .members;
    }
    if (input instanceof RunInput.CancelRequested cancel) {
      return new Members()
          .put("type", CANCEL_REQUESTED)
          .put("reason", cancel.reason())
          .put("at", cancel.at().toString())
          .members;
    }
    RunInput.Resumed resumed = (RunInput.Resumed) input;
    return new Members()
        .put("type", RESUMED)
        .put("coordinator", resumed.coordinator())
        .put("at", resumed.at().toString())
        .members;
  }

  private static Map<String, Object> callResult(CallResult result) {
    if (result instanceof CallResult.Scanned scanned) {
      return new Members()
          .put("type", SCANNED)
          .put("plugin", scanned.plugin())
          .put("updates", map(scanned.updates(), JournalCodec::update))
          .putIf(scanned.restartsNodeItself(), "restartsNodeItself", true)
          .members;
    }
    if (result instanceof CallResult.Installed installed) {
      return new Members()
          .put("type", INSTALLED)
          .put("plugin", installed.plugin())
          .put("results", map(installed.results(), JournalCodec::installResult))
          .members;
    }
    if (result instanceof CallResult.ScriptEnded ended) {
      return new Members()
          .put("type", SCRIPT_ENDED)
          .put("exitCode", ended.outcome().exitCode())
          .put("detail", ended.outcome().detail())
          .members;
    }
    if (result instanceof CallResult.Ready ready) {
      return new Members().put("type", READY).put("ready", ready.ready()).members;
    }
    if (result instanceof CallResult.Observed observed) {
      return new Members()
          .put("type", OBSERVED)
          .put("snapshot", snapshot(observed.snapshot()))
          .members;
    }
    if (result instanceof CallResult.Done) {
      return new Members().put("type", DONE).members;
    }
    if (result instanceof CallResult.Restarted restarted) {
      return new Members().put("type", RESTARTED).put("mode", restarted.mode().name()).members;
    }
    CallResult.Failed failed = (CallResult.Failed) result;
    return new Members()
        .put("type", FAILED)
        .put("message", failed.message())
        .put("storageDegraded", failed.storageDegraded())
        .members;
  }

  private static Map<String, Object> snapshot(ClusterSnapshot snapshot) {
    return new Members()
        .put("name", snapshot.name())
        .put("nodes", map(snapshot.nodes(), JournalCodec::node))
        .put(
            "witness",
            new Members()
                .put("kind", snapshot.witness().kind().name())
                .put("state", snapshot.witness().state().name())
                .members)
        .put("roles", map(snapshot.roles(), JournalCodec::role))
        .put(
            "storage",
            new Members()
                .put("status", snapshot.storage().status().name())
                .put("runningRepairJobs", snapshot.storage().runningRepairJobs())
                .members)
        .members;
  }

  private static Map<String, Object> node(NodeSnapshot node) {
    FaultDomain domain = node.faultDomain();
    return new Members()
        .put("name", node.name())
        .put("state", node.state().name())
        .put("voteWeight", node.voteWeight())
        .put(
            "faultDomain",
            new Members()
                .put("site", domain.site())
                .put("rack", domain.rack())
                .put("chassis", domain.chassis())
                .members)
        .putIf(node.knowsBootId(), "bootId", node.bootId())
        .members;
  }

  private static Map<String, Object> role(ClusteredRole role) {
    return new Members()
        .put("name", role.name())
        .put("ownerNode", role.ownerNode())
        .put("possibleOwners", role.possibleOwners())
        .put("state", role.state().name())
        .members;
  }

  private static Map<String, Object> update(Update update) {
    return new Members()
        .put("id", update.id())
        .put("title", update.title())
        .put("description", update.description())
        .members;
  }

  private static Map<String, Object> installResult(InstallResult result) {
    return new Members()
        .put("update", update(result.update()))
        .put("code", result.code().name())
        .put("errorCode", result.errorCode())
        .put("rebootRequired", result.rebootRequired())
        .put("timestamp", result.timestamp().toString())
        .members;
  }

  private static Map<String, Object> nodeResult(NodeResult result) {
    RebootMode bootType = result.bootType();
    return new Members()
        .put("node", result.node())
        .put("status", result.status().name())
        .put("installResults", map(result.installResults(), JournalCodec::installResult))
        .put("attempts", result.attempts())
        .put("restarts", result.restarts())
        .put("bootType", bootType == null ? null : bootType.name())
        .put("restartPending", result.restartPending())
        .put("reason", result.reason())
        .members;
  }

  private static <T> List<Object> map(List<T> values, Function<T, Object> encoder) {
    return values.stream().map(encoder).toList();
  }

  /** The members of a JSON object being written, in order; {@code null} becomes JSON null. */
  private static final class Members {
    final Map<String, Object> members = new LinkedHashMap<>();

    Members put(String name, @Nullable Object value) {
      members.put(name, value == null ? JsonReader.NULL : value);
      return this;
    }

    /** Puts a member only when it is wanted: members later formats added are left out when default. */
    Members putIf(boolean wanted, String name, Object value) {
      return wanted ? put(name, value) : this;
    }
  }

  // ---------------------------------------------------------------------------------- decoding

  /**
   * Decodes the header of a run journal.
   *
   * @param record a record {@link #encodeHeader} wrote
   * @return the header
   * @throws JournalFormatException if the record is not a valid header
   */
  public static RunHeader decodeHeader(String record) {
    JsonFields fields = open(record, HEADER);
    fields.only(
        "v",
        "type",
        "runId",
        "cluster",
        "kind",
        "profile",
        "nodeOrder",
        "quorumPolicy",
        "rollout",
        "startedAt");
    return fields.build(
        () ->
            new RunHeader(
                fields.runId("runId"),
                fields.string("cluster"),
                fields.enumValue("kind", RunHeader.RunKind.class),
                fields.string("profile"),
                fields.strings("nodeOrder"),
                fields.enumValue("quorumPolicy", QuorumPolicy.class),
                rollout(fields),
                fields.instant("startedAt")));
  }

  /** The header's rollout policy; a journal written before policies were journaled names none. */
  private static RolloutDescriptor rollout(JsonFields header) {
    if (!header.has("rollout")) {
      return RolloutDescriptor.of(header.enumValue("kind", RunHeader.RunKind.class) == RunHeader.RunKind.OFFLINE
          ? "cau.offline-all-at-once" : "cau.one-node-at-a-time");
    }
    JsonFields rollout = header.object("rollout").only("name", "parameters");
    JsonFields parameters = rollout.object("parameters");
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : parameters.names()) {
      values.put(name, parameters.string(name));
    }
    return rollout.build(() -> new RolloutDescriptor(rollout.string("name"), values));
  }

  /**
   * Decodes an entry of a run journal.
   *
   * @param record a record {@link #encodeEntry} wrote
   * @return the entry
   * @throws JournalFormatException if the record is not a valid entry
   */
  public static JournalEntry decodeEntry(String record) {
    JsonFields fields = open(record, ENTRY);
    fields.only("v", "type", "sequence", "input");
    long sequence = fields.longValue("sequence");
    if (sequence < 1) {
      throw JsonFields.fail("sequence", "must be at least 1, but was " + sequence);
    }
    RunInput input = input(fields.object("input"));
    return fields.build(() -> new JournalEntry(sequence, input));
  }

  /**
   * Decodes the result of a run.
   *
   * @param record a record {@link #encodeResult} wrote
   * @return the result
   * @throws JournalFormatException if the record is not a valid result
   */
  public static RunResult decodeResult(String record) {
    JsonFields fields = open(record, RESULT);
    fields.only(
        "v",
        "type",
        "runId",
        "cluster",
        "status",
        "startedAt",
        "finishedAt",
        "nodeResults",
        "reason",
        "coordinators");
    return fields.build(
        () ->
            new RunResult(
                fields.runId("runId"),
                fields.string("cluster"),
                fields.enumValue("status", SummaryStatus.class),
                fields.instant("startedAt"),
                fields.instant("finishedAt"),
                fields.list("nodeResults", JournalCodec::nodeResult),
                fields.nullableString("reason"),
                fields.strings("coordinators")));
  }

  private static JsonFields open(String record, String type) {
    JsonFields fields = JsonFields.of(JsonReader.read(record, MAX_RECORD_LENGTH, MAX_DEPTH), "");
    long version = fields.longValue("v");
    if (version < 1 || version > FORMAT_VERSION) {
      throw JsonFields.fail(
          "v",
          "is format version "
              + version
              + ", which this reader does not know; it reads versions 1 to "
              + FORMAT_VERSION);
    }
    fields.type("type", type);
    return fields;
  }

  private static RunInput input(JsonFields fields) {
    String type =
        fields.type("type", STARTED, CALL_COMPLETED, TIMER_FIRED, CANCEL_REQUESTED, RESUMED);
    switch (type) {
      case STARTED -> {
        fields.only("type", "snapshot", "coordinator", "at");
        return fields.build(
            () ->
                new RunInput.Started(
                    snapshot(fields.object("snapshot")),
                    fields.string("coordinator"),
                    fields.instant("at")));
      }
      case CALL_COMPLETED -> {
        fields.only("type", "token", "node", "result", "at");
        return fields.build(
            () ->
                new RunInput.CallCompleted(
                    fields.intValue("token"),
                    fields.string("node"),
                    callResult(fields.object("result")),
                    fields.instant("at")));
      }
      case TIMER_FIRED -> {
        fields.only("type", "token", "at");
        return fields.build(
            () -> new RunInput.TimerFired(fields.intValue("token"), fields.instant("at")));
      }
      case CANCEL_REQUESTED -> {
        fields.only("type", "reason", "at");
        return fields.build(
            () -> new RunInput.CancelRequested(fields.string("reason"), fields.instant("at")));
      }
      default -> {
        fields.only("type", "coordinator", "at");
        return fields.build(
            () -> new RunInput.Resumed(fields.string("coordinator"), fields.instant("at")));
      }
    }
  }

  private static CallResult callResult(JsonFields fields) {
    String type =
        fields.type(
            "type", SCANNED, INSTALLED, SCRIPT_ENDED, READY, OBSERVED, DONE, RESTARTED, FAILED);
    switch (type) {
      case SCANNED -> {
        fields.only("type", "plugin", "updates", "restartsNodeItself");
        return fields.build(
            () ->
                new CallResult.Scanned(
                    fields.string("plugin"), fields.list("updates", JournalCodec::update),
                    fields.has("restartsNodeItself") && fields.bool("restartsNodeItself")));
      }
      case INSTALLED -> {
        fields.only("type", "plugin", "results");
        return fields.build(
            () ->
                new CallResult.Installed(
                    fields.string("plugin"), fields.list("results", JournalCodec::installResult)));
      }
      case SCRIPT_ENDED -> {
        fields.only("type", "exitCode", "detail");
        return fields.build(
            () ->
                new CallResult.ScriptEnded(
                    new ScriptOutcome(fields.intValue("exitCode"), fields.string("detail"))));
      }
      case READY -> {
        fields.only("type", "ready");
        return new CallResult.Ready(fields.bool("ready"));
      }
      case OBSERVED -> {
        fields.only("type", "snapshot");
        return new CallResult.Observed(snapshot(fields.object("snapshot")));
      }
      case DONE -> {
        fields.only("type");
        return new CallResult.Done();
      }
      case RESTARTED -> {
        fields.only("type", "mode");
        return new CallResult.Restarted(fields.enumValue("mode", RebootMode.class));
      }
      default -> {
        fields.only("type", "message", "storageDegraded");
        return fields.build(
            () -> new CallResult.Failed(fields.string("message"), fields.bool("storageDegraded")));
      }
    }
  }

  private static ClusterSnapshot snapshot(JsonFields fields) {
    fields.only("name", "nodes", "witness", "roles", "storage");
    JsonFields witness = fields.object("witness").only("kind", "state");
    JsonFields storage = fields.object("storage").only("status", "runningRepairJobs");
    return fields.build(
        () ->
            new ClusterSnapshot(
                fields.string("name"),
                fields.list("nodes", JournalCodec::node),
                witness.build(
                    () ->
                        new Witness(
                            witness.enumValue("kind", WitnessKind.class),
                            witness.enumValue("state", WitnessState.class))),
                fields.list("roles", JournalCodec::role),
                storage.build(
                    () ->
                        new StorageHealth(
                            storage.enumValue("status", StorageHealthStatus.class),
                            storage.intValue("runningRepairJobs")))));
  }

  private static NodeSnapshot node(Object value, String path) {
    JsonFields fields =
        JsonFields.of(value, path).only("name", "state", "voteWeight", "faultDomain", "bootId");
    JsonFields domain = fields.object("faultDomain").only("site", "rack", "chassis");
    return fields.build(
        () ->
            new NodeSnapshot(
                fields.string("name"),
                fields.enumValue("state", NodeState.class),
                fields.intValue("voteWeight"),
                new FaultDomain(
                    domain.nullableString("site"),
                    domain.nullableString("rack"),
                    domain.nullableString("chassis")),
                fields.has("bootId") ? fields.string("bootId") : ""));
  }

  private static ClusteredRole role(Object value, String path) {
    JsonFields fields =
        JsonFields.of(value, path).only("name", "ownerNode", "possibleOwners", "state");
    return fields.build(
        () ->
            new ClusteredRole(
                fields.string("name"),
                fields.string("ownerNode"),
                fields.strings("possibleOwners"),
                fields.enumValue("state", RoleState.class)));
  }

  private static Update update(Object value, String path) {
    return update(JsonFields.of(value, path));
  }

  private static Update update(JsonFields fields) {
    fields.only("id", "title", "description");
    return fields.build(
        () ->
            new Update(fields.string("id"), fields.string("title"), fields.string("description")));
  }

  private static InstallResult installResult(Object value, String path) {
    JsonFields fields =
        JsonFields.of(value, path)
            .only("update", "code", "errorCode", "rebootRequired", "timestamp");
    Update update = update(fields.object("update"));
    return fields.build(
        () ->
            new InstallResult(
                update,
                fields.enumValue("code", UpdateResultCode.class),
                fields.intValue("errorCode"),
                fields.bool("rebootRequired"),
                fields.instant("timestamp")));
  }

  private static NodeResult nodeResult(Object value, String path) {
    JsonFields fields =
        JsonFields.of(value, path)
            .only(
                "node",
                "status",
                "installResults",
                "attempts",
                "restarts",
                "bootType",
                "restartPending",
                "reason");
    return fields.build(
        () ->
            new NodeResult(
                fields.string("node"),
                fields.enumValue("status", SummaryStatus.class),
                fields.list("installResults", JournalCodec::installResult),
                fields.intValue("attempts"),
                fields.intValue("restarts"),
                fields.nullableEnum("bootType", RebootMode.class),
                fields.bool("restartPending"),
                fields.nullableString("reason")));
  }
}

package dev.cau.core.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.ScriptOutcome;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.RestartBehavior;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
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
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Turns run journal headers, journal entries and run results into stored records and back.
 *
 * <p>A record is one line of compact JSON (RFC 8259), such as this entry (shown on two lines):
 *
 * <pre>{@code
 * {"v":2,"type":"entry","sequence":7,
 *  "input":{"type":"timerFired","token":3,"at":"2026-03-01T09:15:00Z"}}
 * }</pre>
 *
 * <p>Every record is an object with the format version {@code "v"} and a {@code "type"}:
 * {@code "header"}, {@code "entry"} or {@code "result"}; run inputs and call results nested in an
 * entry carry a {@code "type"} too, the variant's name in lower camel case ({@code
 * "callCompleted"}, {@code "scriptEnded"}, ...). Members are named after the record components
 * they hold (a {@code "scriptEnded"} result holds its outcome's {@code "exitCode"} and {@code
 * "detail"} directly); every member is written, a {@code null} component as {@code null}, except
 * members that later versions added, which are left out when they hold their default (a node's
 * {@code "bootId"} when unknown, a scan's {@code "restartsNodeItself"} when false and its
 * {@code "stages"} when true). Instants are
 * written as {@link java.time.Instant#toString()} writes them (ISO-8601 in UTC, as precise as the
 * instant), run ids in their canonical UUID form, enum constants by name.
 *
 * <p>A journal's header names the format its records are written in, and every record of the
 * journal carries the same version. Format {@value #FORMAT_VERSION}, which new journals are
 * written in, writes a cluster snapshot that a {@code "observed"} call result holds as its {@code
 * "changes"} from the journal's latest snapshot before it (see {@link SnapshotCodec}), so that a
 * journal grows with its events, not with nodes times events; the run's first snapshot, and a
 * snapshot of a renamed cluster, are written whole. Format 1 writes every snapshot whole. A
 * journal of format 1 is read, and is carried on in format 1 (see {@link StoredRunJournal}).
 *
 * <p>Decoding is strict: a record longer than {@value #MAX_RECORD_LENGTH} characters, nested deeper
 * than {@value #MAX_DEPTH} levels, that is not JSON, has a newer format version, misses a member,
 * has one of the wrong type or one its version does not know, names an unknown type or enum
 * constant, or holds a value the decoded type refuses, throws a {@link JournalFormatException} that
 * names the field. What is encoded decodes to an equal value.
 *
 * <p>The methods are pure and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class JournalCodec {
  /** The format version new journals are written in, and the newest this class reads. */
  public static final int FORMAT_VERSION = 2;

  /** The oldest format version this class reads and carries on. */
  public static final int OLDEST_FORMAT_VERSION = 1;

  /** The longest record, in characters, that decoding accepts: 16 MiB. */
  public static final int MAX_RECORD_LENGTH = 16 * 1024 * 1024;

  /** The deepest nesting of JSON objects and arrays that decoding accepts. */
  public static final int MAX_DEPTH = 64;

  /** Stands for the version of a record read on its own, outside a journal: any known one. */
  private static final int ANY_VERSION = 0;

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

  // The fixed text of the most frequent records, up to each value that varies: each written in one
  // go rather than name by name (a run journals every input; see JsonWriter#fragment).
  private static final char[][] ENTRY_OPENING = new char[FORMAT_VERSION + 1][];

  static {
    for (int version = OLDEST_FORMAT_VERSION; version <= FORMAT_VERSION; version++) {
      ENTRY_OPENING[version] =
          JsonWriter.fragmentOf("{'v':" + version + ",'type':'" + ENTRY + "','sequence':");
    }
  }

  private static final char[] INPUT = JsonWriter.fragmentOf("'input':");
  private static final char[] CALL_COMPLETED_OPENING =
      JsonWriter.fragmentOf("{'type':'" + CALL_COMPLETED + "','token':");
  private static final char[] NODE = JsonWriter.fragmentOf("'node':");
  private static final char[] RESULT_OF_CALL = JsonWriter.fragmentOf("'result':");
  private static final char[] AT = JsonWriter.fragmentOf("'at':");
  private static final char[] SCANNED_OPENING = JsonWriter.fragmentOf("{'type':'" + SCANNED + "','plugin':");
  private static final char[] INSTALLED_OPENING =
      JsonWriter.fragmentOf("{'type':'" + INSTALLED + "','plugin':");
  private static final char[] CHANGES_OPENING =
      JsonWriter.fragmentOf("{'type':'" + OBSERVED + "','changes':");
  private static final char[] DONE_RESULT = JsonWriter.fragmentOf("{'type':'" + DONE + "'}");
  private static final char[] UPDATE_ID = JsonWriter.fragmentOf("{'id':");
  private static final char[] INSTALLED_UPDATE = JsonWriter.fragmentOf("{'update':");

  private JournalCodec() {}

  // ---------------------------------------------------------------------------------- encoding

  /**
   * Encodes the header of a new run journal, in format {@value #FORMAT_VERSION}.
   *
   * @param header the header
   * @return the record, one line of JSON
   */
  public static String encodeHeader(RunHeader header) {
    return encodeHeader(header, FORMAT_VERSION);
  }

  /**
   * Encodes the header of a run journal in a given format.
   *
   * @param header the header
   * @param version the journal's format version
   * @return the record
   */
  static String encodeHeader(RunHeader header, int version) {
    JsonWriter out = record(new JsonWriter(512 + header.profile().length()), version, HEADER);
    out.member("runId", header.runId().toString())
        .member("cluster", header.cluster())
        .constantMember("kind", header.kind().name())
        .member("profile", header.profile())
        .name("nodeOrder");
    strings(out, header.nodeOrder());
    out.name("quorumPolicy").value(header.quorumPolicy().name());
    out.name("rollout").beginObject().member("name", header.rollout().name());
    out.name("parameters").beginObject();
    header.rollout().parameters().forEach((name, value) -> out.name(name).value(value));
    out.endObject().endObject();
    out.member("startedAt", header.startedAt());
    if (!header.scanReviewers().isEmpty()) {
      out.name("scanReviewers");
      strings(out, header.scanReviewers());
    }
    return out.endObject().toString();
  }

  /**
   * Encodes an entry as a record that stands on its own, in format {@value #FORMAT_VERSION}: a
   * snapshot it holds is written whole.
   *
   * @param entry the entry
   * @return the record, one line of JSON
   */
  public static String encodeEntry(JournalEntry entry) {
    return encodeEntry(entry, FORMAT_VERSION, SnapshotBase.NONE);
  }

  /**
   * Encodes an entry of a journal, after the entries the base was moved past, into a new buffer.
   *
   * @param entry the entry
   * @param version the journal's format version
   * @param base the journal's latest snapshot before the entry
   * @return the record
   */
  static String encodeEntry(JournalEntry entry, int version, SnapshotBase base) {
    return encodeEntry(entry, version, base, new JsonWriter(256));
  }

  /**
   * Encodes an entry of a journal, after the entries the base was moved past.
   *
   * @param entry the entry
   * @param version the journal's format version; from 2, a snapshot of an {@code "observed"}
   *     result is written as its changes from the base
   * @param base the journal's latest snapshot before the entry
   * @param writer where to write the record, emptied first; a journal keeps one for its records
   * @return the record
   */
  static String encodeEntry(JournalEntry entry, int version, SnapshotBase base, JsonWriter writer) {
    JsonWriter out =
        writer.reset().fragment(ENTRY_OPENING[version]).value(entry.sequence()).fragment(INPUT);
    input(out, entry.input(), version, base);
    return out.endObject().toString();
  }

  /**
   * Encodes the result of a run, for the run's stored report.
   *
   * @param result the result
   * @return the record, one line of JSON
   */
  public static String encodeResult(RunResult result) {
    JsonWriter out = record(new JsonWriter(resultCapacity(result)), FORMAT_VERSION, RESULT)
        .member("runId", result.runId().toString())
        .member("cluster", result.cluster())
        .constantMember("status", result.status().name())
        .member("startedAt", result.startedAt())
        .member("finishedAt", result.finishedAt())
        .name("nodeResults")
        .beginArray();
    for (NodeResult nodeResult : result.nodeResults()) {
      nodeResult(out, nodeResult);
    }
    out.endArray().member("reason", result.reason()).name("coordinators");
    strings(out, result.coordinators());
    return out.endObject().toString();
  }

  /** Room for a result's record at once: a run's result grows with its nodes and their updates. */
  private static int resultCapacity(RunResult result) {
    int capacity = 1024;
    for (NodeResult node : result.nodeResults()) {
      capacity += 512 + 320 * node.installResults().size();
    }
    return capacity;
  }

  private static JsonWriter record(JsonWriter out, int version, String type) {
    return out.beginObject().member("v", version).constantMember("type", type);
  }

  private static void input(JsonWriter out, RunInput input, int version, SnapshotBase base) {
    if (input instanceof RunInput.CallCompleted completed) {
      out.fragment(CALL_COMPLETED_OPENING)
          .value(completed.token())
          .fragment(NODE)
          .value(completed.node())
          .fragment(RESULT_OF_CALL);
      callResult(out, completed.result(), version, base);
    } else if (input instanceof RunInput.Started started) {
      out.beginObject().constantMember("type", STARTED).name("snapshot");
      SnapshotCodec.write(out, started.snapshot());
      out.member("coordinator", started.coordinator());
    } else if (input instanceof RunInput.TimerFired fired) {
      out.beginObject().constantMember("type", TIMER_FIRED).member("token", fired.token());
    } else if (input instanceof RunInput.CancelRequested cancel) {
      out.beginObject().constantMember("type", CANCEL_REQUESTED).member("reason", cancel.reason());
    } else {
      RunInput.Resumed resumed = (RunInput.Resumed) input;
      out.beginObject().constantMember("type", RESUMED).member("coordinator", resumed.coordinator());
    }
    out.fragment(AT).value(input.at()).endObject();
  }

  private static void callResult(JsonWriter out, CallResult result, int version, SnapshotBase base) {
    if (result instanceof CallResult.Done) {
      out.valueFragment(DONE_RESULT);
      return;
    }
    if (result instanceof CallResult.Observed observed) {
      observed(out, observed, version, base);
      return;
    }
    if (result instanceof CallResult.Scanned scanned) {
      out.fragment(SCANNED_OPENING).value(scanned.plugin()).name("updates").beginArray();
      for (Update update : scanned.updates()) {
        update(out, update);
      }
      out.endArray();
      if (scanned.restartsNodeItself()) {
        out.member("restartsNodeItself", true);
      }
      if (!scanned.stages()) {
        out.member("stages", false);
      }
    } else if (result instanceof CallResult.Installed installed) {
      out.fragment(INSTALLED_OPENING).value(installed.plugin()).name("results").beginArray();
      for (InstallResult installResult : installed.results()) {
        installResult(out, installResult);
      }
      out.endArray();
    } else if (result instanceof CallResult.ScriptEnded ended) {
      out.beginObject()
          .constantMember("type", SCRIPT_ENDED)
          .member("exitCode", ended.outcome().exitCode())
          .member("detail", ended.outcome().detail());
    } else if (result instanceof CallResult.Ready ready) {
      out.beginObject().constantMember("type", READY).member("ready", ready.ready());
    } else if (result instanceof CallResult.Restarted restarted) {
      out.beginObject()
          .constantMember("type", RESTARTED)
          .constantMember("mode", restarted.mode().name());
    } else {
      CallResult.Failed failed = (CallResult.Failed) result;
      out.beginObject()
          .constantMember("type", FAILED)
          .member("message", failed.message())
          .member("storageDegraded", failed.storageDegraded());
    }
    out.endObject();
  }

  /** Writes an observed snapshot as its changes from the base where the format and base allow, else whole. */
  private static void observed(JsonWriter out, CallResult.Observed observed, int version, SnapshotBase base) {
    if (version >= 2 && SnapshotCodec.canWriteChanges(observed.snapshot(), base)) {
      SnapshotCodec.writeChanges(out.fragment(CHANGES_OPENING), observed.snapshot(), base);
    } else {
      out.beginObject().constantMember("type", OBSERVED);
      SnapshotCodec.write(out.name("snapshot"), observed.snapshot());
    }
    out.endObject();
  }

  private static void update(JsonWriter out, Update update) {
    out.fragment(UPDATE_ID)
        .value(update.id())
        .member("title", update.title())
        .member("description", update.description());
    if (!update.facts().isEmpty()) {
      facts(out.name("facts"), update.facts());
    }
    out.endObject();
  }

  /** Writes an update's facts; only those a plug-in gave, so simple plug-ins' journals stay as small as before. */
  private static void facts(JsonWriter out, UpdateFacts facts) {
    out.beginObject();
    if (!facts.kbArticles().isEmpty()) {
      out.name("kbArticles").beginArray();
      for (String article : facts.kbArticles()) {
        out.value(article);
      }
      out.endArray();
    }
    optionalMember(out, "guid", facts.guid());
    optionalMember(out, "classification", facts.classification());
    if (facts.sizeBytes() != UpdateFacts.UNKNOWN_SIZE) {
      out.member("sizeBytes", facts.sizeBytes());
    }
    if (facts.restart() != RestartBehavior.UNKNOWN) {
      out.constantMember("restart", facts.restart().name());
    }
    if (facts.installAlone()) {
      out.member("installAlone", true);
    }
    optionalMember(out, "targetVersion", facts.targetVersion());
    optionalMember(out, "targetBuild", facts.targetBuild());
    optionalMember(out, "contentSha256", facts.contentSha256());
    out.endObject();
  }

  private static void optionalMember(JsonWriter out, String name, @Nullable String value) {
    if (value != null) {
      out.member(name, value);
    }
  }

  private static void installResult(JsonWriter out, InstallResult result) {
    update(out.fragment(INSTALLED_UPDATE), result.update());
    out.constantMember("code", result.code().name())
        .member("errorCode", result.errorCode())
        .member("rebootRequired", result.rebootRequired())
        .member("timestamp", result.timestamp());
    optionalMember(out, "installedSha256", result.installedSha256());
    out.endObject();
  }

  private static void nodeResult(JsonWriter out, NodeResult result) {
    RebootMode bootType = result.bootType();
    out.beginObject()
        .member("node", result.node())
        .constantMember("status", result.status().name())
        .name("installResults")
        .beginArray();
    for (InstallResult installResult : result.installResults()) {
      installResult(out, installResult);
    }
    out.endArray()
        .member("attempts", result.attempts())
        .member("restarts", result.restarts())
        .member("bootType", bootType == null ? null : bootType.name())
        .member("restartPending", result.restartPending())
        .member("reason", result.reason())
        .endObject();
  }

  private static void strings(JsonWriter out, List<String> values) {
    out.beginArray();
    for (String value : values) {
      out.value(value);
    }
    out.endArray();
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
        "startedAt",
        "scanReviewers");
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
                fields.instant("startedAt"),
                fields.has("scanReviewers") ? fields.strings("scanReviewers") : List.of()));
  }

  /**
   * The header's rollout policy; a journal of format 1 written before policies were journaled
   * names none, and ran CAU's policy for its kind.
   */
  private static RolloutDescriptor rollout(JsonFields header) {
    if (!header.has("rollout") && version(header) == 1) {
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
   * Returns the format version of a journal from its header.
   *
   * @param record the journal's first record, a header {@link #encodeHeader} wrote
   * @return the version, from {@value #OLDEST_FORMAT_VERSION} to {@value #FORMAT_VERSION}
   * @throws JournalFormatException if the record is not a header of a version this class reads
   */
  static int formatVersion(String record) {
    return version(open(record, HEADER));
  }

  /**
   * Decodes an entry that stands on its own, such as {@link #encodeEntry(JournalEntry)} writes:
   * one that holds no snapshot written as changes.
   *
   * @param record the record
   * @return the entry
   * @throws JournalFormatException if the record is not a valid entry, or holds a snapshot written
   *     as changes from an earlier entry (read those with the journal, as {@link
   *     StoredRunJournal#open} does)
   */
  public static JournalEntry decodeEntry(String record) {
    return decodeEntry(record, ANY_VERSION, SnapshotBase.NONE);
  }

  /**
   * Decodes an entry of a journal, after the entries the base was moved past.
   *
   * @param record the record
   * @param version the journal's format version, which the record must have
   * @param base the journal's latest snapshot before the entry
   * @return the entry
   * @throws JournalFormatException if the record is not a valid entry of the journal
   */
  static JournalEntry decodeEntry(String record, int version, SnapshotBase base) {
    JsonFields fields = open(record, ENTRY);
    int recordVersion = version(fields);
    if (version != ANY_VERSION && recordVersion != version) {
      throw JsonFields.fail(
          "v",
          "is format version "
              + recordVersion
              + ", but the journal's header says its records are format version "
              + version);
    }
    fields.only("v", "type", "sequence", "input");
    long sequence = fields.longValue("sequence");
    if (sequence < 1) {
      throw JsonFields.fail("sequence", "must be at least 1, but was " + sequence);
    }
    RunInput input = input(fields.object("input"), recordVersion, base);
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
    if (version < OLDEST_FORMAT_VERSION || version > FORMAT_VERSION) {
      throw JsonFields.fail(
          "v",
          "is format version "
              + version
              + ", which this reader does not know; it reads versions "
              + OLDEST_FORMAT_VERSION
              + " to "
              + FORMAT_VERSION
              + (version > FORMAT_VERSION
                  ? ": the run was written by a newer cau4j, read or resume it with that version"
                  : ""));
    }
    fields.type("type", type);
    return fields;
  }

  /** The record's format version, which {@link #open} checked. */
  private static int version(JsonFields record) {
    return (int) record.longValue("v");
  }

  private static RunInput input(JsonFields fields, int version, SnapshotBase base) {
    String type =
        fields.type("type", STARTED, CALL_COMPLETED, TIMER_FIRED, CANCEL_REQUESTED, RESUMED);
    switch (type) {
      case STARTED -> {
        fields.only("type", "snapshot", "coordinator", "at");
        return fields.build(
            () ->
                new RunInput.Started(
                    SnapshotCodec.read(fields.object("snapshot")),
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
                    callResult(fields.object("result"), version, base),
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

  private static CallResult callResult(JsonFields fields, int version, SnapshotBase base) {
    String type =
        fields.type(
            "type", SCANNED, INSTALLED, SCRIPT_ENDED, READY, OBSERVED, DONE, RESTARTED, FAILED);
    switch (type) {
      case SCANNED -> {
        fields.only("type", "plugin", "updates", "restartsNodeItself", "stages");
        return fields.build(
            () ->
                new CallResult.Scanned(
                    fields.string("plugin"), fields.list("updates", JournalCodec::update),
                    fields.has("restartsNodeItself") && fields.bool("restartsNodeItself"),
                    !fields.has("stages") || fields.bool("stages")));
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
        if (version >= 2 && fields.has("changes")) {
          fields.only("type", "changes");
          return new CallResult.Observed(SnapshotCodec.readChanges(fields.object("changes"), base));
        }
        fields.only("type", "snapshot");
        return new CallResult.Observed(SnapshotCodec.read(fields.object("snapshot")));
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

  private static Update update(Object value, String path) {
    return update(JsonFields.of(value, path));
  }

  private static Update update(JsonFields fields) {
    fields.only("id", "title", "description", "facts");
    UpdateFacts facts = fields.has("facts") ? facts(fields.object("facts")) : UpdateFacts.NONE;
    return fields.build(
        () ->
            new Update(fields.string("id"), fields.string("title"), fields.string("description"), facts));
  }

  private static UpdateFacts facts(JsonFields fields) {
    fields.only("kbArticles", "guid", "classification", "sizeBytes", "restart", "installAlone", "targetVersion",
        "targetBuild", "contentSha256");
    return fields.build(
        () ->
            new UpdateFacts(
                fields.has("kbArticles") ? fields.strings("kbArticles") : List.of(),
                fields.has("guid") ? fields.string("guid") : null,
                fields.has("classification") ? fields.string("classification") : null,
                fields.has("sizeBytes") ? fields.longValue("sizeBytes") : UpdateFacts.UNKNOWN_SIZE,
                fields.has("restart") ? fields.enumValue("restart", RestartBehavior.class) : RestartBehavior.UNKNOWN,
                fields.has("installAlone") && fields.bool("installAlone"),
                fields.has("targetVersion") ? fields.string("targetVersion") : null,
                fields.has("targetBuild") ? fields.string("targetBuild") : null,
                fields.has("contentSha256") ? fields.string("contentSha256") : null));
  }

  private static InstallResult installResult(Object value, String path) {
    JsonFields fields =
        JsonFields.of(value, path)
            .only("update", "code", "errorCode", "rebootRequired", "timestamp", "installedSha256");
    Update update = update(fields.object("update"));
    return fields.build(
        () ->
            new InstallResult(
                update,
                fields.enumValue("code", UpdateResultCode.class),
                fields.intValue("errorCode"),
                fields.bool("rebootRequired"),
                fields.instant("timestamp"),
                fields.has("installedSha256") ? fields.string("installedSha256") : null));
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

package dev.cau.core.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.StoredJournal;
import dev.cau.core.journal.JournalEntry;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.journal.RunJournal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A run journal kept in a {@link RunStore}, so that another coordinator can resume the run.
 *
 * <p>Record 1 of the stored journal is the run's {@link RunHeader}; record {@code n + 1} is entry
 * {@code n}. Each is encoded by {@link JournalCodec}, in the format version the header names: a
 * new journal in {@link JournalCodec#FORMAT_VERSION}, and a journal opened from a store in the
 * version it was started in, so that a run started by an older coordinator is carried on in the
 * format that coordinator reads. In format 2 an entry may hold a cluster snapshot as its changes
 * from the latest snapshot before it; such a record depends only on the intact records before it,
 * which {@link #open} reads from the start. {@link #append} returns once the store has made the
 * entry durable.
 *
 * <p>The journal is thread-safe; the engine appends from one thread at a time.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class StoredRunJournal implements RunJournal {
  /** The earliest time a record may hold. */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  /** The latest time a record may hold: the last that every date format writes with four digits. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final RunStore store;
  private final RunHeader header;
  private final int formatVersion;
  private final @Nullable String damage;
  private final List<JournalEntry> entries;

  /** The latest snapshot of the entries so far, which the next one may be written as changes to. */
  private SnapshotBase base;

  /** Where each entry is encoded, kept from one to the next. */
  private final JsonWriter writer = new JsonWriter(1024);

  private StoredRunJournal(
      RunStore store,
      RunHeader header,
      int formatVersion,
      List<JournalEntry> entries,
      SnapshotBase base,
      @Nullable String damage) {
    this.store = store;
    this.header = header;
    this.formatVersion = formatVersion;
    this.entries = new ArrayList<>(entries);
    this.base = base;
    this.damage = damage;
  }

  /**
   * Starts the journal of a new run by writing its header.
   *
   * @param store where the journal is kept
   * @param header the run's header
   * @return the journal, with no entries
   * @throws IllegalStateException if the store already holds records of the run
   */
  public static StoredRunJournal create(RunStore store, RunHeader header) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(header, "header");
    StoredJournal stored = store.journal(header.runId());
    if (!stored.records().isEmpty()) {
      throw new IllegalStateException(
          "The store already holds a journal of run \""
              + header.runId()
              + "\" with "
              + stored.records().size()
              + " records; open it instead of creating it");
    }
    store.append(header.runId(), JournalCodec.encodeHeader(header));
    return new StoredRunJournal(
        store, header, JournalCodec.FORMAT_VERSION, List.of(), SnapshotBase.NONE, stored.damage());
  }

  /**
   * Reads the journal of a run from a store, to resume the run or to report on it.
   *
   * @param store where the journal is kept
   * @param runId the run
   * @return the journal, or empty if the store holds no records of the run
   * @throws JournalFormatException if a record the store read intact cannot be decoded, is not a
   *     header where one is expected, belongs to another run, is of another format version than
   *     the header, or has an entry out of sequence; the message names the run and the record's
   *     number
   * @throws DamagedJournalException if the store finds a record damaged
   */
  public static Optional<StoredRunJournal> open(RunStore store, RunId runId) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(runId, "runId");
    StoredJournal stored = store.journal(runId);
    List<String> records = stored.records();
    if (records.isEmpty()) {
      return Optional.empty();
    }
    RunHeader header = decode(runId, 1, () -> JournalCodec.decodeHeader(records.get(0)));
    int version = JournalCodec.formatVersion(records.get(0));
    if (!header.runId().equals(runId)) {
      throw new JournalFormatException(
          "Record 1 of the journal of run \""
              + runId
              + "\" is the header of another run, \""
              + header.runId()
              + "\"",
          "runId",
          null);
    }
    List<JournalEntry> entries = new ArrayList<>(records.size() - 1);
    SnapshotBase base = SnapshotBase.NONE;
    for (int i = 1; i < records.size(); i++) {
      String record = records.get(i);
      int number = i + 1;
      SnapshotBase before = base;
      JournalEntry entry =
          decode(runId, number, () -> JournalCodec.decodeEntry(record, version, before));
      if (entry.sequence() != i) {
        throw new JournalFormatException(
            "Record "
                + number
                + " of the journal of run \""
                + runId
                + "\" holds entry "
                + entry.sequence()
                + ", but entry "
                + i
                + " belongs there",
            "sequence",
            null);
      }
      entries.add(entry);
      base = base.after(entry);
    }
    return Optional.of(
        new StoredRunJournal(store, header, version, entries, base, stored.damage()));
  }

  /**
   * Checks that the journal's times are those of a real run: the header's start and every entry's
   * time from 1970 to the year 9999, each no earlier than the one before it. A record can decode
   * and pass its checksum and still hold a time no run has (written by hand, say); a coordinator
   * checks before it relies on the journal.
   *
   * @return this journal
   * @throws JournalFormatException naming the first record whose time is not plausible
   */
  public StoredRunJournal checkPlausible() {
    RunId runId = header.runId();
    checkTime(runId, 1, "startedAt", header.startedAt(), EARLIEST);
    Instant previous = header.startedAt();
    for (JournalEntry entry : entries) {
      checkTime(runId, (int) entry.sequence() + 1, "input.at", entry.input().at(), previous);
      previous = entry.input().at();
    }
    return this;
  }

  /**
   * Refuses a time that no run can have: before {@link #EARLIEST} or after {@link #LATEST}, or
   * before the time of the record before it, which a decoded record with a valid checksum can
   * still hold.
   */
  private static void checkTime(RunId runId, int number, String field, Instant at, Instant notBefore) {
    if (at.isBefore(notBefore) || at.isAfter(LATEST)) {
      throw new JournalFormatException("Record " + number + " of the journal of run \"" + runId + "\" has \""
          + field + "\" " + at + ", but it must be from " + notBefore + " to " + LATEST
          + (notBefore.equals(EARLIEST) ? "" : ", no earlier than the record before it"), field, null);
    }
  }

  private static <T> T decode(RunId runId, int number, Supplier<T> decoder) {
    try {
      return decoder.get();
    } catch (JournalFormatException e) {
      throw new JournalFormatException(
          "Record "
              + number
              + " of the journal of run \""
              + runId
              + "\" cannot be read: "
              + e.getMessage(),
          e.field().orElse(null),
          e);
    }
  }

  /**
   * Returns the run's header, record 1 of the journal.
   *
   * @return the header
   */
  public RunHeader header() {
    return header;
  }

  /**
   * Returns the format version the journal is written in, as its header names it: entries
   * appended to it are written in the same version.
   *
   * @return the version, from {@link JournalCodec#OLDEST_FORMAT_VERSION} to {@link
   *     JournalCodec#FORMAT_VERSION}
   */
  public int formatVersion() {
    return formatVersion;
  }

  /**
   * Tells what the store cut from the journal's tail when this journal was opened or created, as
   * the store described it.
   *
   * @return the description, or empty if the journal was intact
   */
  public Optional<String> damage() {
    return Optional.ofNullable(damage);
  }

  /**
   * Encodes the entry and appends it to the store.
   *
   * @param entry the next entry; its sequence follows the last one's
   * @throws IllegalArgumentException if the entry's sequence does not follow the last one's
   */
  @Override
  public synchronized void append(JournalEntry entry) {
    long expected = entries.size() + 1L;
    if (entry.sequence() != expected) {
      throw new IllegalArgumentException(
          "Journal entry "
              + entry.sequence()
              + " does not follow entry "
              + (expected - 1)
              + " in the journal of run \""
              + header.runId()
              + "\"");
    }
    store.append(header.runId(), JournalCodec.encodeEntry(entry, formatVersion, base, writer));
    // Only an entry the store took moves the base on: the next record never depends on one that
    // failed to be written.
    entries.add(entry);
    base = base.after(entry);
  }

  @Override
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }
}

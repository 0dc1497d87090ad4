package dev.cau.core.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.RunId;
import dev.cau.api.cluster.RunStore;
import dev.cau.api.cluster.StoredJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RunStore} in a directory of the local file system, for a coordinator outside the
 * cluster.
 *
 * <p>The directory holds {@code runs/<runId>.journal} and {@code runs/<runId>.report} for each run,
 * {@code role.conf} for the self-updating role's configuration, and {@code store.lock}. Text is
 * UTF-8.
 *
 * <p>A journal file is a sequence of records, each on its own line:
 *
 * <pre>{@code <length> <crc> <text>\n}</pre>
 *
 * where {@code <length>} is the number of bytes of {@code <text>} in decimal without leading zeros,
 * {@code <crc>} is the CRC32C of those bytes as eight lowercase hex digits, and the two are
 * followed by one space each. {@link #append} writes a record with one write to the file opened for
 * appending and forces it to the device before it returns.
 *
 * <p><b>One writer.</b> Only the process that holds the store's write lock (an operating-system
 * lock on {@code store.lock}, see {@link #lockForWriting}) changes any file of the store; every
 * method that writes takes the lock first, and fails with a {@link StoreLockedException} naming the
 * holder if another process (or another store object in this process) has it. Reading needs no
 * lock and never changes a file. OS locks are not reliable on network file systems: the directory
 * must be local.
 *
 * <p><b>Damage.</b> {@link #journal} reads a journal as a stream, record by record, checking each.
 * At the first record that is not intact it stops. A <em>torn</em> record (the file's last line,
 * after the header, short or garbled as a crash while it was written leaves it) is cut by the
 * holder of the write lock (logged, and described in the answer) and left in place by a reader,
 * which describes it and returns the records before it. Any other damage (a record with more lines
 * after it, a damaged header, bytes beyond what a record may hold, a journal that is a symbolic
 * link or not a regular file) is never repaired: {@link #journal} and {@link #append} throw a {@link
 * DamagedJournalException} naming the record, its byte offset and what is wrong, and nothing is
 * changed. {@link #setAside} moves such a journal aside as {@code <runId>.journal.damaged}, keeping
 * every byte. An append that fails truncates the file back to where it was, as far as it can.
 *
 * <p>Reports and the role configuration are replaced atomically: written to a temporary file in the
 * same directory, forced, and moved over the old file with {@code ATOMIC_MOVE}. Journals, reports
 * and the lock file are created readable by their owner only, on file systems with POSIX
 * permissions.
 *
 * <p>Records, reports and configurations are single lines of at most {@value #MAX_RECORD_BYTES}
 * bytes in UTF-8; others are refused with an {@link IllegalArgumentException}. I/O failures are
 * thrown as {@link UncheckedIOException}s that name the file. The store is thread-safe; {@link
 * #close} releases the write lock, which also goes when the process ends.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class FileRunStore implements RunStore, AutoCloseable {
  /** The largest record, report or configuration, in bytes of UTF-8: 16 MiB. */
  public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(FileRunStore.class);
  private static final String JOURNAL_SUFFIX = ".journal";
  private static final String REPORT_SUFFIX = ".report";
  private static final String ROLE_FILE = "role.conf";

  private static final String DAMAGED_SUFFIX = ".damaged";

  private final Path directory;
  private final Path runs;

  /** The runs whose journal this store has checked since it was created. */
  private final Set<RunId> checked = new HashSet<>();

  /** Damage found and cut while appending, for the next {@link #journal} call to report. */
  private final Map<RunId, String> unreportedDamage = new HashMap<>();

  /** The store's write lock, once this store has taken it. */
  private @Nullable StoreLock lock;

  /**
   * Opens the store in a directory, creating the directory if it does not exist.
   *
   * @param directory the store's directory
   * @throws UncheckedIOException if the directory cannot be created
   */
  public FileRunStore(Path directory) {
    this.directory = directory;
    this.runs = directory.resolve("runs");
    try {
      Files.createDirectories(runs);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the run store directory " + runs, e);
    }
  }

  /**
   * Returns the store's directory.
   *
   * @return the directory given to the constructor
   */
  public Path directory() {
    return directory;
  }

  /**
   * Takes the store's write lock, so that this store may write it and no other process can, until
   * {@link #close} or the end of the process. Every method that writes takes it by itself; a
   * command calls this first to be refused before it does anything. Does nothing if this store
   * holds the lock already.
   *
   * @param holder who takes the lock, as another process's refusal names it, such as {@code
   *     "cau run (process 4242)"}
   * @throws StoreLockedException if another process, or another store object of this process,
   *     holds it; nothing was written
   * @throws UncheckedIOException if the lock file cannot be opened
   */
  public synchronized void lockForWriting(String holder) {
    if (lock == null) {
      lock = StoreLock.acquire(directory, holder);
      LOG.debug("Took the write lock of the run store {} as {}", directory, holder);
    }
  }

  /**
   * Tells whether this store holds the store's write lock.
   *
   * @return whether it does
   */
  public synchronized boolean holdsWriteLock() {
    return lock != null;
  }

  /**
   * Tells which process writes the store now, without taking its lock: a reader uses it to tell a
   * live run from an interrupted one.
   *
   * @return the holder's description, as it took the lock; empty if no process writes the store
   */
  public Optional<String> writer() {
    return StoreLock.writer(directory);
  }

  /** Releases the write lock, if this store holds it. The store can still be read afterwards. */
  @Override
  public synchronized void close() {
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  private void writeLock() {
    lockForWriting("process " + ProcessHandle.current().pid());
  }

  /**
   * Moves a run's journal aside as {@code runs/<runId>.journal.damaged} (or {@code .damaged.2} and
   * so on, if that exists), keeping every byte of it, so that the run no longer blocks the store.
   * A journal that is a symbolic link is moved as the link; its target is not touched.
   *
   * @param runId the run
   * @return where the journal now is, or empty if the run has no journal
   * @throws StoreLockedException if another process holds the write lock
   * @throws UncheckedIOException if the journal cannot be moved
   */
  public synchronized Optional<Path> setAside(RunId runId) {
    writeLock();
    Path file = journalFile(runId);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path target = runs.resolve(file.getFileName() + DAMAGED_SUFFIX);
    for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
      target = runs.resolve(file.getFileName() + DAMAGED_SUFFIX + "." + n);
    }
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move the damaged journal " + file + " aside to " + target, e);
    }
    forceDirectory(runs);
    checked.remove(runId);
    unreportedDamage.remove(runId);
    LOG.warn("Moved the damaged journal of run {} aside, every byte kept, to {}", runId, target);
    return Optional.of(target);
  }

  @Override
  public synchronized void append(RunId runId, String record) {
    byte[] text = encode(record, "record");
    writeLock();
    Path file = journalFile(runId);
    if (!checked.contains(runId)) {
      Scan scan = scan(runId, file);
      if (scan.damage != null) {
        unreportedDamage.put(runId, scan.damage);
      }
      checked.add(runId);
    }
    String prefix = text.length + " " + crc(text, 0, text.length) + " ";
    ByteBuffer line = ByteBuffer.allocate(prefix.length() + text.length + 1);
    line.put(prefix.getBytes(StandardCharsets.US_ASCII)).put(text).put((byte) '\n').flip();
    boolean created = !Files.exists(file);
    long sizeBefore = -1;
    try (FileChannel channel =
        FileChannel.open(
            file,
            OwnerOnly.openOptions(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
            OwnerOnly.attributes(file))) {
      sizeBefore = channel.size();
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
    } catch (IOException e) {
      // Take back what may have been written, so that a failed append leaves no record; if even
      // that fails, the next read checks the journal again and cuts what is torn.
      checked.remove(runId);
      if (sizeBefore >= 0) {
        try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
          channel.truncate(sizeBefore);
          channel.force(true);
        } catch (IOException undo) {
          e.addSuppressed(undo);
        }
      }
      throw new UncheckedIOException("Cannot append to the journal " + file, e);
    }
    if (created) {
      forceDirectory(runs);
    }
  }

  @Override
  public synchronized StoredJournal journal(RunId runId) {
    checked.remove(runId);
    Scan scan = scan(runId, journalFile(runId));
    if (lock != null || scan.damage == null) {
      // A torn tail a reader left in place is cut before the first append.
      checked.add(runId);
    }
    String earlier = unreportedDamage.remove(runId);
    String damage = scan.damage;
    if (earlier != null) {
      damage = damage == null ? earlier : earlier + "; then " + damage;
    }
    return new StoredJournal(scan.records, damage);
  }

  @Override
  public synchronized Set<RunId> runs() {
    Set<RunId> ids = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(runs, "*" + JOURNAL_SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        RunId id = runIdOf(name.substring(0, name.length() - JOURNAL_SUFFIX.length()));
        if (id != null
            && (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file))) {
          ids.add(id);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the journals in " + runs, e);
    }
    return Set.copyOf(ids);
  }

  @Override
  public synchronized void putReport(RunId runId, String report) {
    byte[] text = encode(report, "report");
    writeLock();
    writeAtomically(runs, runId + REPORT_SUFFIX, text);
  }

  @Override
  public synchronized Optional<String> report(RunId runId) {
    return read(runs.resolve(runId + REPORT_SUFFIX));
  }

  @Override
  public synchronized void remove(RunId runId) {
    writeLock();
    Path journal = journalFile(runId);
    Path report = runs.resolve(runId + REPORT_SUFFIX);
    try {
      Files.deleteIfExists(journal);
      Files.deleteIfExists(report);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + journal + " or " + report, e);
    }
    checked.remove(runId);
    unreportedDamage.remove(runId);
    forceDirectory(runs);
  }

  @Override
  public synchronized Optional<String> roleConfiguration() {
    return read(roleFile());
  }

  @Override
  public synchronized void putRoleConfiguration(String configuration) {
    byte[] text = encode(configuration, "configuration");
    writeLock();
    writeAtomically(directory, ROLE_FILE, text);
  }

  @Override
  public synchronized void removeRoleConfiguration() {
    writeLock();
    Path file = roleFile();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
    forceDirectory(directory);
  }

  private Path journalFile(RunId runId) {
    return runs.resolve(runId + JOURNAL_SUFFIX);
  }

  private Path roleFile() {
    return directory.resolve(ROLE_FILE);
  }

  // ------------------------------------------------------------------------ reading a journal

  /** The intact records of a journal, and what was wrong after them. */
  private record Scan(List<String> records, @Nullable String damage) {}

  /**
   * Reads a journal's records. A torn tail is cut if this store holds the write lock, and left as
   * it is otherwise; other damage is thrown.
   */
  private Scan scan(RunId runId, Path file) {
    JournalScanner.Result result;
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      result = JournalScanner.scan(channel);
    } catch (NoSuchFileException e) {
      return new Scan(List.of(), null);
    } catch (IOException e) {
      if (Files.isSymbolicLink(file)) {
        throw new DamagedJournalException(runId, "The journal of run " + runId + ", " + file
            + ", is a symbolic link; a run store refuses links and left it and its target as they are");
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new DamagedJournalException(runId, "The journal of run " + runId + ", " + file
            + ", is not a regular file; it was left as it is");
      }
      throw new UncheckedIOException("Cannot read the journal " + file, e);
    }
    String problem = result.problem();
    if (problem == null) {
      return new Scan(result.records(), null);
    }
    String where = String.format(Locale.ROOT, "Record %d of the journal of run %s (%s), at byte offset %d,",
        result.records().size() + 1, runId, file, result.offset());
    long cut = result.size() - result.offset();
    if (!result.torn()) {
      throw new DamagedJournalException(runId, where + " is damaged: " + problem + "; " + cut
          + " bytes from there to the end of the file were not read. Nothing was changed; the "
          + result.records().size() + " records before it are intact. Setting the journal aside keeps every byte of it");
    }
    if (lock == null) {
      return new Scan(result.records(), where + " is torn: " + problem + "; its " + cut
          + " bytes were left in place, for the store's writer to cut");
    }
    String damage = where + " is torn: " + problem + "; cut " + cut + " bytes from byte offset "
        + result.offset() + " to the end of the file";
    LOG.warn("{}", damage);
    truncate(file, result.offset());
    return new Scan(result.records(), damage);
  }

  private static void truncate(Path file, long size) {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      channel.truncate(size);
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot cut the torn tail of the journal " + file, e);
    }
  }

  // ------------------------------------------------------------------------ reports, configuration

  private static Optional<String> read(Path file) {
    byte[] bytes;
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      if (size > MAX_RECORD_BYTES) {
        throw new UncheckedIOException(new IOException("The file " + file + " has " + size
            + " bytes, more than the limit of " + MAX_RECORD_BYTES + "; it was not read"));
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // reads the whole file, whose size is bounded
      }
      bytes = buffer.array();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    try {
      return Optional.of(strictUtf8(ByteBuffer.wrap(bytes)));
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException("The file " + file + " is not UTF-8", e);
    }
  }

  private static void writeAtomically(Path parent, String name, byte[] content) {
    Path file = parent.resolve(name);
    Path temporary = null;
    try {
      temporary = Files.createTempFile(parent, "." + name + ".", ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          LOG.debug("Cannot delete the temporary file {}", temporary, e);
        }
      }
    }
    forceDirectory(parent);
  }

  /**
   * Forces a directory's entries to the device, so that a file created, moved or deleted in it
   * stays so after a crash. File systems that cannot open a directory (Windows) are skipped.
   */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("Cannot force the directory {} to the device", directory, e);
    }
  }

  // ------------------------------------------------------------------------ text

  /** Encodes a single line of text as UTF-8, refusing line breaks, oversize text and bad UTF-16. */
  private static byte[] encode(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "A %s must be a single line, but has a %s at index %d",
                what,
                c == '\n' ? "line feed" : "carriage return",
                i));
      }
    }
    if (text.length() > MAX_RECORD_BYTES) {
      throw tooLarge(what, text.length() + " characters");
    }
    ByteBuffer bytes;
    try {
      bytes =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "A " + what + " must be valid Unicode, but has a surrogate that is not part of a pair",
          e);
    }
    if (bytes.remaining() > MAX_RECORD_BYTES) {
      throw tooLarge(what, bytes.remaining() + " bytes");
    }
    byte[] array = new byte[bytes.remaining()];
    bytes.get(array);
    return array;
  }

  private static IllegalArgumentException tooLarge(String what, String size) {
    return new IllegalArgumentException(
        "A "
            + what
            + " may have at most "
            + MAX_RECORD_BYTES
            + " bytes in UTF-8 (16 MiB), but has "
            + size);
  }

  private static String strictUtf8(ByteBuffer bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(bytes)
        .toString();
  }

  private static String crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return String.format(Locale.ROOT, "%08x", crc.getValue());
  }

  private static @Nullable RunId runIdOf(String name) {
    try {
      UUID uuid = UUID.fromString(name);
      return uuid.toString().equals(name) ? new RunId(uuid) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

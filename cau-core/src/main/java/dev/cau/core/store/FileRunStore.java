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
 * and {@code role.conf} for the self-updating role's configuration. Text is UTF-8.
 *
 * <p>A journal file is a sequence of records, each on its own line:
 *
 * <pre>{@code <length> <crc> <text>\n}</pre>
 *
 * where {@code <length>} is the number of bytes of {@code <text>} in decimal without leading zeros,
 * {@code <crc>} is the CRC32C of those bytes as eight lowercase hex digits, and the two are
 * followed by one space each. {@link #append} writes a record with one write to the file opened for
 * appending and forces it to the device before it returns. {@link #journal} checks every record in
 * order; at the first that is torn (the file ends inside it, or before its line break) or corrupt
 * (a malformed prefix, a line whose length differs from its prefix, a CRC mismatch, text that is
 * not UTF-8), it truncates the file to the end of the last intact record, forces it, and returns
 * the intact records with a description of the damage: the record's number and byte offset, what
 * was wrong and how many bytes were cut. Appending then continues after the cut. A journal this
 * store appends to before it has read it is checked (and cut) first, and the damage is described by
 * the next {@link #journal} call. An append that fails truncates the file back to where it was, as
 * far as it can.
 *
 * <p>Reports and the role configuration are replaced atomically: written to a temporary file in the
 * same directory, forced, and moved over the old file with {@code ATOMIC_MOVE}.
 *
 * <p>Records, reports and configurations are single lines of at most {@value #MAX_RECORD_BYTES}
 * bytes in UTF-8; others are refused with an {@link IllegalArgumentException}. I/O failures are
 * thrown as {@link UncheckedIOException}s that name the file. The store is thread-safe within one
 * process; two processes must not use the same directory at once (the cluster's run lock keeps
 * coordinators apart).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class FileRunStore implements RunStore {
  /** The largest record, report or configuration, in bytes of UTF-8: 16 MiB. */
  public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(FileRunStore.class);
  private static final String JOURNAL_SUFFIX = ".journal";
  private static final String REPORT_SUFFIX = ".report";
  private static final String ROLE_FILE = "role.conf";

  /** The longest length prefix: the digits of {@link #MAX_RECORD_BYTES}. */
  private static final int MAX_LENGTH_DIGITS = Integer.toString(MAX_RECORD_BYTES).length();

  private final Path directory;
  private final Path runs;

  /** The runs whose journal this store has checked since it was created. */
  private final Set<RunId> checked = new HashSet<>();

  /** Damage found and cut while appending, for the next {@link #journal} call to report. */
  private final Map<RunId, String> unreportedDamage = new HashMap<>();

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

  @Override
  public synchronized void append(RunId runId, String record) {
    byte[] text = encode(record, "record");
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
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
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
    Scan scan = scan(runId, journalFile(runId));
    checked.add(runId);
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
        if (id != null && Files.isRegularFile(file)) {
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
    writeAtomically(runs, runId + REPORT_SUFFIX, encode(report, "report"));
  }

  @Override
  public synchronized Optional<String> report(RunId runId) {
    return read(runs.resolve(runId + REPORT_SUFFIX));
  }

  @Override
  public synchronized void remove(RunId runId) {
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
    writeAtomically(directory, ROLE_FILE, encode(configuration, "configuration"));
  }

  @Override
  public synchronized void removeRoleConfiguration() {
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

  /** The intact records of a journal, and what was cut after them. */
  private record Scan(List<String> records, @Nullable String damage) {}

  /** Reads a journal's records, cutting the file after the last intact one. */
  private static Scan scan(RunId runId, Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Scan(List.of(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the journal " + file, e);
    }
    List<String> records = new ArrayList<>();
    int offset = 0;
    while (offset < bytes.length) {
      RecordReader reader = new RecordReader(bytes, offset);
      String problem = reader.read();
      if (problem != null) {
        String damage =
            String.format(
                Locale.ROOT,
                "Record %d of the journal of run %s, at byte offset %d, %s; cut %d bytes from"
                    + " byte offset %d to the end of the file",
                records.size() + 1,
                runId,
                offset,
                problem,
                bytes.length - offset,
                offset);
        LOG.warn("{}", damage);
        truncate(file, offset);
        return new Scan(records, damage);
      }
      records.add(reader.text);
      offset = reader.end;
    }
    return new Scan(records, null);
  }

  /** Checks one record of a journal that starts at an offset. */
  private static final class RecordReader {
    private final byte[] bytes;
    private int pos;
    String text = "";
    int end;

    RecordReader(byte[] bytes, int start) {
      this.bytes = bytes;
      this.pos = start;
    }

    /** Reads the record; returns what is wrong with it, or {@code null} if it is intact. */
    @Nullable String read() {
      int lengthStart = pos;
      while (pos < bytes.length && isDigit(bytes[pos]) && pos - lengthStart <= MAX_LENGTH_DIGITS) {
        pos++;
      }
      if (pos == bytes.length) {
        return "is torn: the file ends inside its length prefix";
      }
      int digits = pos - lengthStart;
      if (digits == 0
          || digits > MAX_LENGTH_DIGITS
          || bytes[pos] != ' '
          || (digits > 1 && bytes[lengthStart] == '0')) {
        return "is corrupt: it does not start with a length in decimal followed by a space";
      }
      int length =
          Integer.parseInt(new String(bytes, lengthStart, digits, StandardCharsets.US_ASCII));
      if (length > MAX_RECORD_BYTES) {
        return "is corrupt: its length prefix says "
            + length
            + " bytes, more than the limit of "
            + MAX_RECORD_BYTES;
      }
      pos++;
      int crcStart = pos;
      while (pos < bytes.length && pos - crcStart < 8 && isLowerHex(bytes[pos])) {
        pos++;
      }
      if (pos == bytes.length) {
        return "is torn: the file ends inside its CRC prefix";
      }
      if (pos - crcStart != 8 || bytes[pos] != ' ') {
        return "is corrupt: its length is not followed by a CRC32C of eight lowercase hex digits"
            + " and a space";
      }
      String expectedCrc = new String(bytes, crcStart, 8, StandardCharsets.US_ASCII);
      int textStart = pos + 1;
      int lineBreak = indexOfLineBreak(textStart);
      if (lineBreak < 0) {
        int have = bytes.length - textStart;
        if (have < length) {
          return "is torn: the file ends inside it, after "
              + have
              + " of its "
              + length
              + " bytes of text";
        }
        if (have == length) {
          return "is torn: the file ends before its line break";
        }
        return "is corrupt: its prefix says "
            + length
            + " bytes of text, but the file goes on for "
            + have
            + " bytes without a line break";
      }
      if (lineBreak - textStart != length) {
        return "is corrupt: its prefix says "
            + length
            + " bytes of text, but its line has "
            + (lineBreak - textStart);
      }
      String actualCrc = crc(bytes, textStart, length);
      if (!actualCrc.equals(expectedCrc)) {
        return "is corrupt: the CRC32C of its text is "
            + actualCrc
            + ", but its prefix says "
            + expectedCrc;
      }
      try {
        text = strictUtf8(ByteBuffer.wrap(bytes, textStart, length));
      } catch (CharacterCodingException e) {
        return "is corrupt: its text is not UTF-8";
      }
      end = lineBreak + 1;
      return null;
    }

    private int indexOfLineBreak(int from) {
      for (int i = from; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          return i;
        }
      }
      return -1;
    }
  }

  private static void truncate(Path file, long size) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot cut the damaged tail of the journal " + file, e);
    }
  }

  // ------------------------------------------------------------------------ reports, configuration

  private static Optional<String> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
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

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isLowerHex(byte b) {
    return isDigit(b) || (b >= 'a' && b <= 'f');
  }
}

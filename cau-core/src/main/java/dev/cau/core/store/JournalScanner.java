package dev.cau.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Reads the records of a journal file as a stream, holding at most one record and a small window
 * of the file in memory, so that a journal of any size can be checked.
 *
 * <p>It stops at the first record that is not intact and says whether that record is <em>torn</em>
 * (the file's last line, after the header, as a crash while it was written leaves it: a tail the
 * store's writer may cut) or <em>damaged</em> (the header, a record with more lines after it, or
 * bytes that go on further than any record may: nothing a crash leaves, so nothing is cut).
 */
final class JournalScanner {
  /** How much of the file is read at a time. */
  private static final int WINDOW = 64 * 1024;

  /** The longest length prefix: the digits of {@link FileRunStore#MAX_RECORD_BYTES}. */
  private static final int MAX_LENGTH_DIGITS =
      Integer.toString(FileRunStore.MAX_RECORD_BYTES).length();

  /** The longest line a record may take: its prefix, its text and the line break. */
  static final long MAX_LINE_BYTES = MAX_LENGTH_DIGITS + 1 + 8 + 1 + FileRunStore.MAX_RECORD_BYTES + 1L;

  /**
   * What a scan found.
   *
   * @param records the intact records, in order
   * @param problem what is wrong with the first record that is not intact, or {@code null}
   * @param torn whether that record is torn (cut by a crash) rather than damaged
   * @param offset the byte offset at which that record starts (the end of the intact records)
   * @param size the file's size in bytes
   */
  record Result(List<String> records, @Nullable String problem, boolean torn, long offset, long size) {
    Result {
      records = List.copyOf(records);
    }
  }

  private final FileChannel channel;
  private final long size;
  private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
  private long windowStart;
  private int windowLength;

  private JournalScanner(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
  }

  /**
   * Reads every intact record of a journal, from the start.
   *
   * @param channel the journal, open for reading
   * @return the records and what stopped the scan
   * @throws IOException if the file cannot be read
   */
  static Result scan(FileChannel channel) throws IOException {
    return new JournalScanner(channel).scan();
  }

  private Result scan() throws IOException {
    List<String> records = new ArrayList<>();
    long offset = 0;
    while (offset < size) {
      Record record = readRecord(offset);
      if (record.problem != null) {
        return new Result(records, record.problem, isTorn(records.size() + 1, offset, record.problem), offset, size);
      }
      records.add(record.text);
      offset = record.end;
    }
    return new Result(records, null, false, offset, size);
  }

  /** A record read at an offset: its text and where the next starts, or what is wrong. */
  private record Record(String text, long end, @Nullable String problem) {
    static Record broken(String problem) {
      return new Record("", -1, problem);
    }
  }

  private Record readRecord(long start) throws IOException {
    long pos = start;
    int digits = 0;
    long length = 0;
    while (pos < size && isDigit(byteAt(pos)) && digits <= MAX_LENGTH_DIGITS) {
      length = length * 10 + (byteAt(pos) - '0');
      digits++;
      pos++;
    }
    if (pos == size) {
      return Record.broken("the file ends inside its length prefix");
    }
    if (digits == 0
        || digits > MAX_LENGTH_DIGITS
        || byteAt(pos) != ' '
        || (digits > 1 && byteAt(start) == '0')) {
      return Record.broken("it does not start with a length in decimal followed by a space");
    }
    if (length > FileRunStore.MAX_RECORD_BYTES) {
      return Record.broken("its length prefix says " + length + " bytes, more than the limit of "
          + FileRunStore.MAX_RECORD_BYTES);
    }
    pos++;
    long crcStart = pos;
    while (pos < size && pos - crcStart < 8 && isLowerHex(byteAt(pos))) {
      pos++;
    }
    if (pos == size) {
      return Record.broken("the file ends inside its CRC prefix");
    }
    if (pos - crcStart != 8 || byteAt(pos) != ' ') {
      return Record.broken("its length is not followed by a CRC32C of eight lowercase hex digits and a space");
    }
    String expectedCrc = ascii(crcStart, 8);
    long textStart = pos + 1;
    long have = size - textStart;
    if (have < length) {
      return Record.broken("the file ends inside it, after " + have + " of its " + length + " bytes of text");
    }
    if (have == length) {
      return Record.broken("the file ends before its line break");
    }
    if (byteAt(textStart + length) != '\n') {
      return Record.broken("its prefix says " + length
          + " bytes of text, but no line break follows them (a line break in another place, a"
          + " carriage return, or text that goes on)");
    }
    byte[] text = read(textStart, (int) length);
    CRC32C crc = new CRC32C();
    crc.update(text);
    String actualCrc = String.format(Locale.ROOT, "%08x", crc.getValue());
    if (!actualCrc.equals(expectedCrc)) {
      return Record.broken("the CRC32C of its text is " + actualCrc + ", but its prefix says " + expectedCrc);
    }
    try {
      String decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(text))
          .toString();
      return new Record(decoded, textStart + length + 1, null);
    } catch (CharacterCodingException e) {
      return Record.broken("its text is not UTF-8");
    }
  }

  /**
   * Tells whether a record that is not intact is the journal's torn tail: not its header, its
   * file's last line (with or without its line break), and no longer than a record may be. Every
   * append writes one whole line and forces it, so a crash can leave only the last line short or,
   * where the disk kept a later block of it but not an earlier one, garbled.
   */
  private boolean isTorn(int number, long start, String problem) throws IOException {
    if (number == 1 || problem.startsWith("its length prefix says") || size - start > MAX_LINE_BYTES) {
      return false;
    }
    for (long pos = start; pos < size - 1; pos++) {
      if (byteAt(pos) == '\n') {
        return false;
      }
    }
    return true;
  }

  private int byteAt(long pos) throws IOException {
    if (pos < windowStart || pos >= windowStart + windowLength) {
      fill(pos);
    }
    return window.get((int) (pos - windowStart)) & 0xff;
  }

  private void fill(long pos) throws IOException {
    window.clear();
    windowStart = pos;
    windowLength = 0;
    while (window.hasRemaining()) {
      int n = channel.read(window, pos + windowLength);
      if (n < 0) {
        break;
      }
      windowLength += n;
    }
    if (windowLength == 0) {
      throw new IOException("The file ended at byte offset " + pos + " while it was being read");
    }
  }

  private byte[] read(long pos, int length) throws IOException {
    byte[] bytes = new byte[length];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, pos + buffer.position());
      if (n < 0) {
        throw new IOException("The file ended at byte offset " + (pos + buffer.position()) + " while it was being read");
      }
    }
    return bytes;
  }

  private String ascii(long pos, int length) throws IOException {
    return new String(read(pos, length), StandardCharsets.US_ASCII);
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isLowerHex(int b) {
    return isDigit(b) || (b >= 'a' && b <= 'f');
  }
}

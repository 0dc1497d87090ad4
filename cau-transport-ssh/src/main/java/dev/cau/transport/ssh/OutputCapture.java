package dev.cau.transport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.OutputStream;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Receives one output stream of a remote command: passes each line to a sink as it arrives and
 * keeps the text up to a limit, so that memory stays bounded whatever the command prints.
 *
 * <p>Lines are split on {@code \n} bytes, which never occur inside a UTF-8 sequence; a line longer
 * than {@link #MAX_LINE_BYTES} is passed on in pieces cut at character boundaries. The kept text is
 * exactly what arrived (line ends included) up to the limit. On standard error, the command's first
 * line is the process id marker; it is taken out and never kept or logged. Lines before it come
 * from the login (a message of the SSH server or a start-up file), not from the program: they are
 * logged, and dropped from the kept text once the marker arrives.
 *
 * <p>The SSH library writes from its own thread while the caller reads: every method is
 * synchronized.
 */
final class OutputCapture extends OutputStream {
  /** The longest piece of a line passed to the sink at once. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private static final Pattern PID_LINE = Pattern.compile(Pattern.quote(RemoteInvocation.PID_MARKER) + "(\\d{1,10})\r?\n");

  private final int limit;
  private final Consumer<String> lineSink;
  private final byte[] line = new byte[MAX_LINE_BYTES];
  private final StringBuilder kept = new StringBuilder();
  private int lineLength;
  private boolean expectPidMarker;
  private boolean truncated;
  private long pid = -1;

  OutputCapture(int limit, Consumer<String> lineSink, boolean expectPidMarker) {
    this.limit = limit;
    this.lineSink = lineSink;
    this.expectPidMarker = expectPidMarker;
  }

  @Override
  public synchronized void write(int b) {
    line[lineLength++] = (byte) b;
    if (b == '\n') {
      emit(lineLength);
    } else if (lineLength == line.length) {
      emit(characterBoundary());
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  /** Passes on a last line that had no line end. */
  synchronized void finish() {
    if (lineLength > 0) {
      emit(lineLength);
    }
  }

  synchronized String text() {
    return kept.toString();
  }

  synchronized boolean truncated() {
    return truncated;
  }

  synchronized OptionalLong pid() {
    return pid < 0 ? OptionalLong.empty() : OptionalLong.of(pid);
  }

  /** Returns how many bytes of the full buffer end at a character boundary. */
  private int characterBoundary() {
    int end = lineLength;
    // Step back over continuation bytes (10xxxxxx) and the lead byte they belong to.
    int back = 0;
    while (back < 4 && end - back - 1 >= 0 && (line[end - back - 1] & 0xC0) == 0x80) {
      back++;
    }
    int lead = end - back - 1;
    if (lead >= 0 && (line[lead] & 0xC0) == 0xC0 && sequenceLength(line[lead]) > back + 1) {
      return lead;
    }
    return end;
  }

  private static int sequenceLength(byte lead) {
    if ((lead & 0xE0) == 0xC0) {
      return 2;
    }
    if ((lead & 0xF0) == 0xE0) {
      return 3;
    }
    return 4;
  }

  private void emit(int length) {
    String piece = new String(line, 0, length, UTF_8);
    System.arraycopy(line, length, line, 0, lineLength - length);
    lineLength -= length;
    if (expectPidMarker) {
      Matcher marker = PID_LINE.matcher(piece);
      if (marker.matches()) {
        expectPidMarker = false;
        pid = Long.parseLong(marker.group(1));
        kept.setLength(0);
        truncated = false;
        return;
      }
    }
    lineSink.accept(stripLineEnd(piece));
    int room = limit - kept.length();
    if (piece.length() <= room) {
      kept.append(piece);
    } else {
      kept.append(piece, 0, Math.max(room, 0));
      truncated = true;
    }
  }

  private static String stripLineEnd(String piece) {
    int end = piece.length();
    if (end > 0 && piece.charAt(end - 1) == '\n') {
      end--;
      if (end > 0 && piece.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return piece.substring(0, end);
  }
}

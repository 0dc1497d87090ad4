package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.RunId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of damage to an interrupted run's journal: {@code status} and {@code report} leave
 * every file byte-identical and say what is wrong without a stack trace; a new run and
 * {@code --resume} are refused; {@code run --force-recovery} moves the journal aside with every
 * byte, after which a new run succeeds.
 */
class StoreDamageTests {
  @TempDir Path dir;

  private Path store;
  private RunId run;

  private Path journal() {
    return store.resolve("runs").resolve(run + ".journal");
  }

  private void interruptedRun() {
    store = dir.resolve("store");
    run = RunStores.interruptedRun(store);
  }

  private List<String> lines() throws IOException {
    String text = Files.readString(journal(), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.remove(lines.size() - 1); // after the last line break
    return lines;
  }

  private void writeLines(List<String> lines) throws IOException {
    Files.writeString(journal(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** A record's line, with its length and CRC32C: damage that passes the store's checks. */
  private static String framed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return bytes.length + " " + String.format(Locale.ROOT, "%08x", crc.getValue()) + " " + text;
  }

  private static String textOf(String line) {
    return line.substring(line.indexOf(' ', line.indexOf(' ') + 1) + 1);
  }

  /** Flips one bit of the text of a record, numbered from 1, in the middle of its text. */
  private void flipByteIn(int record) throws IOException {
    List<String> lines = lines();
    long offset = 0;
    for (String line : lines.subList(0, record - 1)) {
      offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    String line = lines.get(record - 1);
    offset += line.length() - textOf(line).length() / 2;
    try (FileChannel channel = FileChannel.open(journal(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x04)).rewind();
      channel.write(one, offset);
    }
  }

  /**
   * Checks that status and report change nothing and explain, that runs are refused, and that
   * forced recovery sets the journal aside so that a new run succeeds.
   */
  private void assertReportedAndRecoverable(String... problem) throws IOException {
    Map<String, String> before = StoreLockProcessTests.hashes(store);
    String journalHash = before.get("runs/" + run + ".journal");

    Cau.Outcome status = Cau.execute("status", "--store", store.toString());
    assertThat(status.exitCode()).as("status printed:%n%s%s", status.out(), status.err()).isEqualTo(2);
    assertThat(status.err())
        .contains("run store \"" + store + "\" holds a journal that cannot be used:", "run " + run + ": ")
        .contains(problem)
        .contains("Nothing was changed. 'cau run --store " + store + " --force-recovery' moves each such journal aside")
        .doesNotContain("Exception", "\tat ");
    assertThat(StoreLockProcessTests.hashes(store)).as("the store after status").isEqualTo(before);

    Cau.Outcome report = Cau.execute("report", "--store", store.toString());
    assertThat(report.out() + report.err()).doesNotContain("Exception", "\tat ");
    assertThat(StoreLockProcessTests.hashes(store)).as("the store after report").isEqualTo(before);

    for (String[] args : new String[][] {{"run", "--store", store.toString()}, {"run", "--store", store.toString(), "--resume"}}) {
      Cau.Outcome refused = Cau.execute(args);
      assertThat(refused.exitCode()).as("%s printed:%n%s%s", String.join(" ", args), refused.out(), refused.err()).isEqualTo(2);
      assertThat(refused.err()).contains(problem).contains("No node was touched.").doesNotContain("Exception", "\tat ");
      assertThat(StoreLockProcessTests.hashes(store)).as("the store after %s", String.join(" ", args)).isEqualTo(before);
    }

    Cau.Outcome recovery = Cau.execute("run", "--store", store.toString(), "--force-recovery");
    assertThat(recovery.exitCode()).as("--force-recovery printed:%n%s%s", recovery.out(), recovery.err()).isZero();
    assertThat(recovery.out()).contains("Journal of run " + run + " cannot be used: ")
        .contains("Moved it aside, every byte kept, to " + store.resolve("runs").resolve(run + ".journal.damaged"));
    Map<String, String> after = StoreLockProcessTests.hashes(store);
    assertThat(after.get("runs/" + run + ".journal.damaged")).as("the journal set aside").isEqualTo(journalHash);
    assertThat(after).doesNotContainKey("runs/" + run + ".journal");

    Cau.Outcome next = Cau.execute("run", "--store", store.toString());
    assertThat(next.exitCode()).as("a new run printed:%n%s%s", next.out(), next.err()).isZero();
    assertThat(Cau.execute("status", "--store", store.toString()).exitCode()).isZero();
  }

  @Test
  void aFlippedByteInAMiddleRecord() throws IOException {
    interruptedRun();
    flipByteIn(3);
    assertReportedAndRecoverable("Record 3 of the journal of run " + run, "at byte offset", "is damaged: the CRC32C of its text is",
        "the 2 records before it are intact");
  }

  @Test
  void aFlippedByteInTheHeader() throws IOException {
    interruptedRun();
    flipByteIn(1);
    assertReportedAndRecoverable("Record 1 of the journal of run " + run, "at byte offset 0,", "is damaged");
  }

  @Test
  void crlfLineEndings() throws IOException {
    interruptedRun();
    Files.writeString(journal(), Files.readString(journal()).replace("\n", "\r\n"));
    assertReportedAndRecoverable("Record 1 of the journal of run " + run, "a carriage return");
  }

  @Test
  void aRecordWithAValidChecksumAndBadContent() throws IOException {
    interruptedRun();
    List<String> lines = lines();
    lines.set(1, framed("{\"v\":2,\"type\":\"entry\",\"sequence\":\"one\"}"));
    writeLines(lines);
    assertReportedAndRecoverable("Record 2 of the journal of run \"" + run + "\" cannot be read");
  }

  @Test
  void aDuplicatedSequenceNumber() throws IOException {
    interruptedRun();
    List<String> lines = lines();
    lines.add(2, lines.get(1));
    writeLines(lines);
    assertReportedAndRecoverable("Record 3 of the journal of run \"" + run + "\" holds entry 1, but entry 2 belongs there");
  }

  @Test
  void anAbsurdTimestamp() throws IOException {
    interruptedRun();
    List<String> lines = lines();
    int last = lines.size() - 1;
    Matcher at = Pattern.compile("\"at\":\"[^\"]+\"").matcher(textOf(lines.get(last)));
    String text = textOf(lines.get(last));
    int start = -1;
    while (at.find()) {
      start = at.start();
    }
    assertThat(start).as("the last record has a time").isNotNegative();
    Matcher lastAt = Pattern.compile("\"at\":\"[^\"]+\"").matcher(text);
    lastAt.find(start);
    lines.set(last, framed(text.substring(0, start) + "\"at\":\"+100000-01-01T00:00:00Z\"" + text.substring(lastAt.end())));
    writeLines(lines);
    assertReportedAndRecoverable("Record " + (last + 1) + " of the journal of run \"" + run + "\" has \"input.at\" +100000-01-01T00:00:00Z",
        "but it must be from");
  }

  @Test
  void aJournalThatIsASymbolicLink() throws IOException {
    interruptedRun();
    Path target = Files.move(journal(), dir.resolve("elsewhere.journal"));
    Files.createSymbolicLink(journal(), target);
    String targetBytes = Files.readString(target);
    assertReportedAndRecoverableLink();
    assertThat(Files.readString(target)).as("the link's target").isEqualTo(targetBytes);
  }

  private void assertReportedAndRecoverableLink() throws IOException {
    Cau.Outcome status = Cau.execute("status", "--store", store.toString());
    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(status.err()).contains("is a symbolic link; a run store refuses links").doesNotContain("Exception");
    assertThat(Cau.execute("run", "--store", store.toString()).exitCode()).isEqualTo(2);
    Cau.Outcome recovery = Cau.execute("run", "--store", store.toString(), "--force-recovery");
    assertThat(recovery.exitCode()).as("--force-recovery printed:%n%s%s", recovery.out(), recovery.err()).isZero();
    Path aside = store.resolve("runs").resolve(run + ".journal.damaged");
    assertThat(Files.isSymbolicLink(aside)).as("the link itself was moved aside").isTrue();
    assertThat(Cau.execute("run", "--store", store.toString()).exitCode()).isZero();
  }

  @Test
  void aHugeSparseJournal() throws IOException {
    interruptedRun();
    try (FileChannel channel = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}), 3L * 1024 * 1024 * 1024);
    }
    assertReportedAndRecoverable("is damaged: it does not start with a length in decimal followed by a space");
  }
}

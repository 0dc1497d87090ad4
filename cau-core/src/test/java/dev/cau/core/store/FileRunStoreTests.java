package dev.cau.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cau.api.RunId;
import dev.cau.api.cluster.StoredJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRunStoreTests {
  private static final RunId RUN = Samples.RUN_ID;
  private static final RunId OTHER = RunId.parse("0f8fad5b-d9cb-469f-a165-70867728950e");
  private static final List<String> RECORDS =
      List.of("first", "{\"v\":1,\"text\":\"Grüße 日本 😀\"}", "", "fourth record", "fifth");

  @TempDir Path directory;

  private FileRunStore store;

  private FileRunStore store() {
    if (store == null) {
      store = new FileRunStore(directory);
    }
    return store;
  }

  private Path journalFile(RunId runId) {
    return directory.resolve("runs").resolve(runId + ".journal");
  }

  private static String line(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return bytes.length
        + " "
        + String.format(Locale.ROOT, "%08x", crc.getValue())
        + " "
        + text
        + "\n";
  }

  /** Returns the byte offset at which a record (numbered from 1) of {@link #RECORDS} starts. */
  private static long offsetOf(int record) {
    long offset = 0;
    for (String text : RECORDS.subList(0, record - 1)) {
      offset += line(text).getBytes(StandardCharsets.UTF_8).length;
    }
    return offset;
  }

  private void appendAll(RunId runId) {
    RECORDS.forEach(r -> store().append(runId, r));
  }

  private void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private void overwrite(Path file, long offset, String replacement) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(replacement.getBytes(StandardCharsets.US_ASCII)), offset);
    }
  }

  @Test
  void appendedRecordsReadBackInOrder() {
    appendAll(RUN);
    store().append(OTHER, "other run");

    assertThat(store().journal(RUN)).isEqualTo(new StoredJournal(RECORDS, null));
    assertThat(new FileRunStore(directory).journal(RUN))
        .isEqualTo(new StoredJournal(RECORDS, null));
    assertThat(store().journal(OTHER).records()).containsExactly("other run");
  }

  @Test
  void eachRecordIsALineWithItsLengthAndCrc32c() throws IOException {
    appendAll(RUN);

    String expected = String.join("", RECORDS.stream().map(FileRunStoreTests::line).toList());
    assertThat(Files.readString(journalFile(RUN), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(line("first")).isEqualTo("5 " + line("first").substring(2, 10) + " first\n");
  }

  @Test
  void aRunWithoutAJournalHasNoRecords() {
    assertThat(store().journal(RUN)).isEqualTo(new StoredJournal(List.of(), null));
    assertThat(store().runs()).isEmpty();
  }

  @Test
  void aTornTailIsCutAndReportedAndAppendingContinuesAfterIt() throws IOException {
    appendAll(RUN);
    long fifth = offsetOf(5);
    truncate(journalFile(RUN), fifth + "5 12345678 fi".length());

    StoredJournal journal = store().journal(RUN);

    assertThat(journal.records()).isEqualTo(RECORDS.subList(0, 4));
    assertThat(journal.damage())
        .isEqualTo(
            "Record 5 of the journal of run "
                + RUN
                + " ("
                + journalFile(RUN)
                + "), at byte offset "
                + fifth
                + ", is torn: the file ends inside it, after 2 of its 5 bytes of text; cut 13 bytes"
                + " from byte offset "
                + fifth
                + " to the end of the file");
    assertThat(Files.size(journalFile(RUN))).isEqualTo(fifth);

    store().append(RUN, "fifth again");
    assertThat(store().journal(RUN))
        .isEqualTo(
            new StoredJournal(
                List.of("first", RECORDS.get(1), "", "fourth record", "fifth again"), null));
  }

  @Test
  void aRecordWithoutItsLineBreakIsTorn() throws IOException {
    appendAll(RUN);
    truncate(journalFile(RUN), Files.size(journalFile(RUN)) - 1);

    StoredJournal journal = store().journal(RUN);

    assertThat(journal.records()).isEqualTo(RECORDS.subList(0, 4));
    assertThat(journal.damage())
        .contains(
            "Record 5",
            "byte offset " + offsetOf(5),
            "is torn: the file ends before its line break")
        .contains("cut " + (line("fifth").length() - 1) + " bytes");
  }

  @Test
  void aRecordTornInsideItsPrefixIsCut() throws IOException {
    appendAll(RUN);
    truncate(journalFile(RUN), offsetOf(5) + 1);

    StoredJournal journal = store().journal(RUN);

    assertThat(journal.records()).hasSize(4);
    assertThat(journal.damage())
        .contains("is torn: the file ends inside its length prefix", "cut 1 bytes");
  }

  @Test
  void aCrcMismatchInAMiddleRecordStopsTheReaderAndChangesNothing() throws IOException {
    appendAll(RUN);
    long fourth = offsetOf(4);
    // "fourth record" becomes "fourth RECORD": same length, different CRC
    overwrite(journalFile(RUN), fourth + line("fourth record").indexOf("record"), "RECORD");
    byte[] before = Files.readAllBytes(journalFile(RUN));

    assertThatThrownBy(() -> store().journal(RUN))
        .isInstanceOf(DamagedJournalException.class)
        .hasMessageStartingWith(
            "Record 4 of the journal of run "
                + RUN
                + " ("
                + journalFile(RUN)
                + "), at byte offset "
                + fourth
                + ", is damaged: the CRC32C of its text is ")
        .hasMessageContaining("but its prefix says " + line("fourth record").substring(3, 11))
        .hasMessageContaining("Nothing was changed; the 3 records before it are intact");
    assertThatThrownBy(() -> store().append(RUN, "more")).isInstanceOf(DamagedJournalException.class);
    assertThat(Files.readAllBytes(journalFile(RUN))).isEqualTo(before);
  }

  @Test
  void aGarbledLastLineIsATornTailThatOnlyTheWriterCuts() throws IOException {
    appendAll(RUN);
    store().close();
    overwrite(journalFile(RUN), offsetOf(5) + line("fifth").indexOf("fifth"), "FIFTH");
    byte[] before = Files.readAllBytes(journalFile(RUN));

    StoredJournal read = new FileRunStore(directory).journal(RUN);
    assertThat(read.records()).isEqualTo(RECORDS.subList(0, 4));
    assertThat(read.damage()).contains("Record 5", "is torn: the CRC32C", "left in place");
    assertThat(Files.readAllBytes(journalFile(RUN))).isEqualTo(before);

    FileRunStore writer = new FileRunStore(directory);
    writer.lockForWriting("the next coordinator");
    assertThat(writer.journal(RUN).damage()).contains("Record 5", "is torn", "cut");
    assertThat(Files.size(journalFile(RUN))).isEqualTo(offsetOf(5));
    writer.close();
  }

  @Test
  void aDamagedHeaderIsNeverATornTail() throws IOException {
    store().append(RUN, "header");
    overwrite(journalFile(RUN), line("header").indexOf("header"), "HEADER");
    byte[] before = Files.readAllBytes(journalFile(RUN));

    assertThatThrownBy(() -> store().journal(RUN))
        .isInstanceOf(DamagedJournalException.class)
        .hasMessageContaining("Record 1");
    assertThat(Files.readAllBytes(journalFile(RUN))).isEqualTo(before);
  }

  @Test
  void aLengthThatDisagreesWithTheLineIsDamage() throws IOException {
    appendAll(RUN);
    // "fourth record" is 13 bytes; say 12
    overwrite(journalFile(RUN), offsetOf(4), "12");

    assertThatThrownBy(() -> store().journal(RUN))
        .isInstanceOf(DamagedJournalException.class)
        .hasMessageContaining("Record 4")
        .hasMessageContaining("its prefix says 12 bytes of text, but no line break follows them");
  }

  @Test
  void aMalformedPrefixIsDamage() throws IOException {
    appendAll(RUN);
    overwrite(journalFile(RUN), offsetOf(2), "x");

    assertThatThrownBy(() -> store().journal(RUN))
        .isInstanceOf(DamagedJournalException.class)
        .hasMessageContaining("Record 2")
        .hasMessageContaining("it does not start with a length in decimal followed by a space")
        .hasMessageContaining("the 1 records before it are intact");
  }

  @Test
  void crlfLineEndingsAreDamageAndChangeNothing() throws IOException {
    appendAll(RUN);
    String crlf = Files.readString(journalFile(RUN)).replace("\n", "\r\n");
    Files.writeString(journalFile(RUN), crlf);

    assertThatThrownBy(() -> store().journal(RUN))
        .isInstanceOf(DamagedJournalException.class)
        .hasMessageContaining("Record 1")
        .hasMessageContaining("a carriage return");
    assertThat(Files.readString(journalFile(RUN))).isEqualTo(crlf);
  }

  @Test
  void aReaderLeavesATornTailInPlace() throws IOException {
    appendAll(RUN);
    store().close();
    truncate(journalFile(RUN), offsetOf(5) + 3);
    byte[] before = Files.readAllBytes(journalFile(RUN));
    FileRunStore reader = new FileRunStore(directory);

    StoredJournal journal = reader.journal(RUN);

    assertThat(journal.records()).isEqualTo(RECORDS.subList(0, 4));
    assertThat(journal.damage()).contains("Record 5", "is torn", "left in place");
    assertThat(Files.readAllBytes(journalFile(RUN))).isEqualTo(before);
    assertThat(reader.holdsWriteLock()).isFalse();
  }

  @Test
  void aSecondStoreObjectCannotWriteWhileTheFirstHoldsTheLock() {
    store().lockForWriting("the first writer");
    FileRunStore second = new FileRunStore(directory);

    assertThatThrownBy(() -> second.append(RUN, "record"))
        .isInstanceOf(StoreLockedException.class)
        .hasMessageContaining("is locked by the first writer")
        .extracting(e -> ((StoreLockedException) e).holder())
        .isEqualTo("the first writer");
    assertThat(second.journal(RUN).records()).isEmpty();

    store().close();
    second.append(RUN, "record");
    assertThat(second.journal(RUN).records()).containsExactly("record");
    second.close();
  }

  @Test
  void aDamagedJournalIsSetAsideWithEveryByte() throws IOException {
    appendAll(RUN);
    overwrite(journalFile(RUN), offsetOf(2), "x");
    byte[] before = Files.readAllBytes(journalFile(RUN));

    Path aside = store().setAside(RUN).orElseThrow();

    assertThat(aside).isEqualTo(directory.resolve("runs").resolve(RUN + ".journal.damaged"));
    assertThat(Files.readAllBytes(aside)).isEqualTo(before);
    assertThat(store().runs()).isEmpty();
    appendAll(RUN);
    overwrite(journalFile(RUN), offsetOf(2), "x");
    assertThat(store().setAside(RUN).orElseThrow().getFileName())
        .hasToString(RUN + ".journal.damaged.2");
    assertThat(store().setAside(RUN)).isEmpty();
  }

  @Test
  void aSymbolicLinkAsJournalIsRefusedAndItsTargetLeftAlone() throws IOException {
    store();
    Path target = Files.writeString(directory.resolve("elsewhere"), line("first") + line("second"));
    Files.createSymbolicLink(journalFile(RUN), target);

    assertThat(store().runs()).containsExactly(RUN);
    assertThatThrownBy(() -> store().journal(RUN))
        .isInstanceOf(DamagedJournalException.class)
        .hasMessageContaining("is a symbolic link");
    assertThatThrownBy(() -> store().append(RUN, "third"))
        .isInstanceOf(DamagedJournalException.class);
    assertThat(store().setAside(RUN)).isPresent();
    assertThat(Files.readString(target)).isEqualTo(line("first") + line("second"));
    assertThat(store().runs()).isEmpty();
  }

  @Test
  void aHugeSparseJournalIsReadWithBoundedMemory() throws IOException {
    store().append(RUN, "first");
    try (FileChannel channel = FileChannel.open(journalFile(RUN), StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'7'}), 3L * 1024 * 1024 * 1024);
    }

    assertThatThrownBy(() -> store().journal(RUN))
        .isInstanceOf(DamagedJournalException.class)
        .hasMessageContaining("Record 2")
        .hasMessageContaining("the 1 records before it are intact");
    assertThat(Files.size(journalFile(RUN))).isEqualTo(3L * 1024 * 1024 * 1024 + 1);
  }

  @Test
  void journalsAndReportsAreOwnerOnly() throws IOException {
    assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
    store().append(RUN, "record");
    store().putReport(RUN, "report");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journalFile(RUN))))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("runs").resolve(RUN + ".report"))))
        .isEqualTo("rw-------");
  }

  @Test
  void damageFoundWhenAppendingToAnUnreadJournalIsReportedByTheNextRead() throws IOException {
    appendAll(RUN);
    truncate(journalFile(RUN), offsetOf(5) + 3);
    store().close();
    FileRunStore restarted = new FileRunStore(directory);

    restarted.append(RUN, "after the crash");
    StoredJournal journal = restarted.journal(RUN);

    assertThat(journal.records())
        .containsExactly("first", RECORDS.get(1), "", "fourth record", "after the crash");
    assertThat(journal.damage()).contains("Record 5", "is torn", "cut 3 bytes");
    assertThat(restarted.journal(RUN).damage()).isNull();
  }

  @Test
  void recordsWithLineBreaksAreRefused() {
    assertThatThrownBy(() -> store().append(RUN, "two\nlines"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A record must be a single line, but has a line feed at index 3");
    assertThatThrownBy(() -> store().append(RUN, "carriage\rreturn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carriage return");
    assertThatThrownBy(() -> store().putReport(RUN, "a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("A report must be a single line");
    assertThatThrownBy(() -> store().putRoleConfiguration("a\r\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("A configuration must be a single line");
    assertThat(store().journal(RUN).records()).isEmpty();
  }

  @Test
  void oversizeRecordsAreRefusedNamingTheLimit() {
    String tooManyCharacters = "x".repeat(FileRunStore.MAX_RECORD_BYTES + 1);
    assertThatThrownBy(() -> store().append(RUN, tooManyCharacters))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A record may have at most 16777216 bytes in UTF-8 (16 MiB), but has 16777217"
                + " characters");

    String tooManyBytes = "é".repeat(FileRunStore.MAX_RECORD_BYTES / 2 + 1);
    assertThatThrownBy(() -> store().putReport(RUN, tooManyBytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A report may have at most 16777216 bytes in UTF-8 (16 MiB), but has 16777218 bytes");
  }

  @Test
  void recordsThatAreNotUnicodeAreRefused() {
    assertThatThrownBy(() -> store().append(RUN, "lone \uD800 surrogate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surrogate that is not part of a pair");
  }

  @Test
  void reportsArePutReadAndReplaced() {
    assertThat(store().report(RUN)).isEmpty();

    store().putReport(RUN, "{\"v\":1,\"type\":\"result\"} Grüße");
    assertThat(store().report(RUN)).contains("{\"v\":1,\"type\":\"result\"} Grüße");
    store().putReport(RUN, "replaced");

    assertThat(new FileRunStore(directory).report(RUN)).contains("replaced");
    assertThat(store().report(OTHER)).isEmpty();
    assertThat(store().runs()).as("a report alone does not make a run").isEmpty();
  }

  @Test
  void theRoleConfigurationIsPutReadReplacedAndRemoved() throws IOException {
    assertThat(store().roleConfiguration()).isEmpty();

    store().putRoleConfiguration("MaxRetriesPerNode = 3");
    store().putRoleConfiguration("MaxRetriesPerNode = 5");

    assertThat(new FileRunStore(directory).roleConfiguration()).contains("MaxRetriesPerNode = 5");
    assertThat(Files.readString(directory.resolve("role.conf"))).isEqualTo("MaxRetriesPerNode = 5");
    store().removeRoleConfiguration();
    assertThat(store().roleConfiguration()).isEmpty();
    store().removeRoleConfiguration();
  }

  @Test
  void atomicWritesLeaveNoTemporaryFiles() throws IOException {
    store().putReport(RUN, "report");
    store().putReport(RUN, "report again");
    store().putRoleConfiguration("configuration");

    try (Stream<Path> files = Files.walk(directory)) {
      assertThat(
              files
                  .filter(Files::isRegularFile)
                  .map(p -> directory.relativize(p).toString().replace('\\', '/')))
          .containsExactlyInAnyOrder("role.conf", "runs/" + RUN + ".report", "store.lock");
    }
  }

  @Test
  void runsAreTheJournalsNamedByRunId() throws IOException {
    store().append(RUN, "a");
    store().append(OTHER, "b");
    Path runs = directory.resolve("runs");
    Files.writeString(runs.resolve("notes.txt"), "not a journal");
    Files.writeString(runs.resolve("not-a-uuid.journal"), "");
    Files.writeString(runs.resolve("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11.journal"), "");
    Files.writeString(runs.resolve("1-1-1-1-1.journal"), "");
    Files.createDirectory(runs.resolve("7c9e6679-7425-40de-944b-e07fc1f90ae7.journal"));

    assertThat(store().runs()).containsExactlyInAnyOrder(RUN, OTHER);
  }

  @Test
  void removeDeletesTheJournalAndTheReport() {
    store().append(RUN, "record");
    store().putReport(RUN, "report");
    store().append(OTHER, "other");

    store().remove(RUN);

    assertThat(store().journal(RUN)).isEqualTo(new StoredJournal(List.of(), null));
    assertThat(store().report(RUN)).isEmpty();
    assertThat(store().runs()).containsExactly(OTHER);
    assertThat(Files.exists(journalFile(RUN))).isFalse();
    store().remove(RUN);
  }

  @Test
  void theDirectoryIsCreatedIfItIsMissing() {
    Path nested = directory.resolve("a").resolve("b");

    new FileRunStore(nested).append(RUN, "record");

    assertThat(Files.isRegularFile(nested.resolve("runs").resolve(RUN + ".journal"))).isTrue();
  }

  @Test
  void inputOutputFailuresNameThePath() throws IOException {
    Path file = Files.writeString(directory.resolve("a-file"), "not a directory");

    assertThatThrownBy(() -> new FileRunStore(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.resolve("runs").toString());

    Files.createDirectories(journalFile(RUN));
    assertThatThrownBy(() -> store().journal(RUN))
        .isInstanceOf(DamagedJournalException.class)
        .hasMessageContaining(journalFile(RUN).toString());
  }
}

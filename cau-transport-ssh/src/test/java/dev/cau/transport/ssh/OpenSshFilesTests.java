package dev.cau.transport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.NodeOperationException;
import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.AccessRight;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshProgramRunner#files()} against a real OpenSSH server (its built-in SFTP server) that
 * the test starts on a loopback port. Skipped with a message where {@code /usr/sbin/sshd} is
 * missing, and failed there when {@code CAU_REQUIRE_REAL_BACKENDS=1}.
 */
class OpenSshFilesTests {
  private static final Instant MODIFIED = Instant.parse("2024-05-01T10:00:00Z");
  private static final long SEED = 12L;

  @TempDir static Path directory;
  private static OpenSshServer server;
  private static SshProgramRunner runner;
  private static NodeFiles files;
  private static Path tree;
  private static byte[] content;

  @BeforeAll
  static void startServer() throws Exception {
    server = OpenSshServer.start(directory);
    runner = SshProgramRunner.create(server.target());
    files = runner.files();
    tree = Files.createDirectories(directory.resolve("tree"));
    content = new byte[200_000];
    new Random(SEED).nextBytes(content);
    Files.write(tree.resolve("data.bin"), content);
    Files.setLastModifiedTime(tree.resolve("data.bin"), FileTime.from(MODIFIED));
    Files.createDirectories(tree.resolve("sub"));
    Files.createSymbolicLink(tree.resolve("link"), tree.resolve("data.bin"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (runner != null) {
      runner.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void statDescribesAFileADirectoryAndALinkWithoutFollowingIt() {
    TestContext context = TestContext.keepingLines();

    assertThat(files.stat(tree + "/data.bin", context)).contains(
        new FileEntry(tree + "/data.bin", "data.bin", FileKind.FILE, content.length, MODIFIED));
    assertThat(files.stat(tree + "/sub", context)).get()
        .extracting(FileEntry::kind, FileEntry::size, FileEntry::name).containsExactly(FileKind.DIRECTORY, 0L, "sub");
    assertThat(files.stat(tree + "/link", context)).get()
        .extracting(FileEntry::kind, FileEntry::size).containsExactly(FileKind.LINK, 0L);
    assertThat(files.stat(tree + "/missing", context)).isEmpty();
  }

  @Test
  void listGivesEveryEntryOnceWithoutDotEntriesOrFollowingLinks() {
    List<FileEntry> entries = files.list(tree.toString(), TestContext.keepingLines());

    assertThat(entries).extracting(FileEntry::name, FileEntry::kind).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("data.bin", FileKind.FILE),
        org.assertj.core.groups.Tuple.tuple("sub", FileKind.DIRECTORY),
        org.assertj.core.groups.Tuple.tuple("link", FileKind.LINK));
    assertThat(entries).filteredOn(entry -> entry.name().equals("data.bin")).singleElement()
        .isEqualTo(new FileEntry(tree + "/data.bin", "data.bin", FileKind.FILE, content.length, MODIFIED));
  }

  @Test
  void readReturnsTheBytesExactlyUpToTheBound() {
    assertThat(files.read(tree + "/data.bin", content.length, TestContext.keepingLines())).isEqualTo(content);
    assertThatThrownBy(() -> files.read(tree + "/data.bin", content.length - 1, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("is larger than " + (content.length - 1) + " bytes");
  }

  /** /proc files say they are empty but are not: only a bound kept while reading refuses them. */
  @Test
  void theBoundHoldsWhileReadingNotOnlyAgainstTheReportedSize() {
    assertThat(files.stat("/proc/self/status", TestContext.keepingLines())).get()
        .extracting(FileEntry::kind, FileEntry::size).containsExactly(FileKind.FILE, 0L);

    assertThatThrownBy(() -> files.read("/proc/self/status", 10, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("is larger than 10 bytes");
    assertThat(new String(files.read("/proc/self/status", 100_000, TestContext.keepingLines()), UTF_8))
        .startsWith("Name:");
  }

  @Test
  void sha256IsTheDigestOfTheContent() throws Exception {
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

    assertThat(files.sha256(tree + "/data.bin", TestContext.keepingLines())).isEqualTo(expected);
  }

  @Test
  void linksAreNeverReadHashedOrJudged() {
    String link = tree + "/link";

    assertThatThrownBy(() -> files.read(link, 1_000_000, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("is a symbolic link, not a regular file");
    assertThatThrownBy(() -> files.sha256(link, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("is a symbolic link, not a regular file");
    assertThatThrownBy(() -> files.accessEntries(link, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("is a symbolic link");
    assertThatThrownBy(() -> files.read(tree + "/sub", 1_000_000, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("is a directory, not a regular file");
  }

  @Test
  void aMissingPathIsEmptyForStatAndAnErrorElsewhere() {
    String missing = tree + "/no such file";

    assertThat(files.stat(missing, TestContext.keepingLines())).isEmpty();
    assertThatThrownBy(() -> files.read(missing, 10, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("nothing exists at \"" + missing + "\"");
    assertThatThrownBy(() -> files.sha256(missing, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("nothing exists");
    assertThatThrownBy(() -> files.accessEntries(missing, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("nothing exists");
    assertThatThrownBy(() -> files.list(missing, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("no such file or directory");
  }

  /** The login user is never root (the server refuses root), so mode 000 keeps it out. */
  @Test
  void aFileTheUserMayNotReadIsDescribedButNotRead() throws IOException {
    Path secret = Files.writeString(directory.resolve("secret"), "top secret");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

    assertThat(files.stat(secret.toString(), TestContext.keepingLines())).get()
        .extracting(FileEntry::kind, FileEntry::size).containsExactly(FileKind.FILE, 10L);
    assertThatThrownBy(() -> files.read(secret.toString(), 100, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("cannot read \"" + secret + "\" on node \"node1\": permission denied");
  }

  /** The names are created on the server by the login user, with the names passed as arguments. */
  @Test
  void hostileNamesArriveAndAreReadByteExact() throws IOException {
    Path hostile = Files.createDirectories(directory.resolve("hostile"));
    Files.setPosixFilePermissions(hostile, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> names = List.of("it's", "say \"hi\"", "line\nbreak", "$(touch pwned)", "`touch pwned`",
        "with  spaces ", "semi;colon&pipe|", "gr\u00fc\u00dfe \u2713 \u65e5\u672c", "-dash", "*glob?", "back\\slash");
    List<String> arguments = new ArrayList<>(List.of(hostile.toString()));
    arguments.addAll(names);
    ProgramResult created = runner.run(ProgramRequest.script(Shell.POSIX_SH,
        "d=$1; shift; for n in \"$@\"; do printf '%s' \"$n\" > \"$d/$n\" || exit 1; done", arguments),
        TestContext.keepingLines());
    assertThat(created.exitCode()).as(created.stderr()).isZero();

    assertThat(files.list(hostile.toString(), TestContext.keepingLines())).extracting(FileEntry::name)
        .containsExactlyInAnyOrderElementsOf(names);
    for (String name : names) {
      String path = hostile + "/" + name;
      assertThat(files.stat(path, TestContext.keepingLines())).get().extracting(FileEntry::name, FileEntry::size)
          .containsExactly(name, (long) name.getBytes(UTF_8).length);
      assertThat(files.read(path, 1000, TestContext.keepingLines())).isEqualTo(name.getBytes(UTF_8));
    }
    assertThat(directory.resolve("pwned")).doesNotExist();
    assertThat(hostile.resolve("pwned")).doesNotExist();
  }

  @Test
  void accessEntriesAreTheOwnerTheGroupAndOthersFromTheMode() throws IOException {
    Path file = Files.writeString(directory.resolve("mode640"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Path open = Files.writeString(directory.resolve("mode757"), "x");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xrwx"));
    Object uid = Files.getAttribute(file, "unix:uid");
    Object gid = Files.getAttribute(file, "unix:gid");

    List<AccessEntry> entries = files.accessEntries(file.toString(), TestContext.keepingLines());
    List<AccessEntry> openEntries = files.accessEntries(open.toString(), TestContext.keepingLines());

    assertThat(entries).containsExactly(
        AccessEntry.allow("uid:" + uid, Set.of(AccessRight.READ, AccessRight.WRITE, AccessRight.CHANGE_PERMISSIONS)),
        AccessEntry.allow("gid:" + gid, Set.of(AccessRight.READ)),
        AccessEntry.allow("other", Set.of()));
    assertThat(entries).filteredOn(AccessEntry::allowsChange).extracting(AccessEntry::principal)
        .containsExactly("uid:" + uid);
    assertThat(openEntries.get(2)).isEqualTo(
        AccessEntry.allow("other", Set.of(AccessRight.READ, AccessRight.WRITE, AccessRight.EXECUTE)));
  }

  @Test
  void shareSecurityIsRefusedBecauseSftpCannotTellIt() {
    assertThatThrownBy(() -> files.shareSecurity(tree + "/data.bin", TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("cannot tell whether");
  }

  @Test
  void filesShareTheRunnersConnectionAndReconnect() {
    server.dropConnections();

    assertThat(files.stat(tree + "/data.bin", TestContext.keepingLines())).isPresent();
    assertThat(runner.run(ProgramRequest.program("/bin/echo", List.of("still here")), TestContext.keepingLines())
        .stdout()).isEqualTo("still here\n");
  }

  @Test
  void aWindowsNodeIsRefused() {
    try (SshProgramRunner windows = SshProgramRunner.create(server.target().withLoginShell(LoginShell.WINDOWS))) {
      assertThatThrownBy(() -> windows.files().stat("C:\\Windows", TestContext.keepingLines()))
          .isInstanceOf(NodeOperationException.class)
          .hasMessageContaining("reads files on POSIX nodes only");
    }
  }
}

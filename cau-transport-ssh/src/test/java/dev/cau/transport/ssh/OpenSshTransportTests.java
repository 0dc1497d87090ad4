package dev.cau.transport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSH transport against a real OpenSSH server that the test starts on a loopback port with its
 * own host key, user key and configuration. Skipped with a message where {@code /usr/sbin/sshd} is
 * missing, and failed there when {@code CAU_REQUIRE_REAL_BACKENDS=1}.
 */
class OpenSshTransportTests {
  @TempDir static Path directory;
  private static OpenSshServer server;
  private static SshProgramRunner runner;

  @BeforeAll
  static void startServer() throws Exception {
    server = OpenSshServer.start(directory);
    runner = SshProgramRunner.create(server.target());
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
  void runsAProgramAndStreamsItsOutputToTheLog() {
    TestContext context = TestContext.keepingLines();

    ProgramResult result = runner.run(ProgramRequest.program("/bin/echo", List.of("hello", "world")), context);

    assertThat(result).isEqualTo(new ProgramResult(0, "hello world\n", "", false));
    assertThat(context.lines).contains("hello world").noneMatch(line -> line.contains("cau-pid"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 255})
  void returnsTheExitCodeExactly(int code) {
    ProgramResult result = runner.run(ProgramRequest.script(Shell.POSIX_SH, "exit \"$1\"", List.of(Integer.toString(code))),
        TestContext.keepingLines());

    assertThat(result.exitCode()).isEqualTo(code);
  }

  @Test
  void writesStandardInputAndClosesIt() {
    ProgramResult result = runner.run(ProgramRequest.program("/bin/cat", List.of()).withStdin("one\ntwo \u00e9\n"),
        TestContext.keepingLines());

    assertThat(result.stdout()).isEqualTo("one\ntwo \u00e9\n");
  }

  @Test
  void keepsStandardErrorApartWithoutTheProcessIdMarker() {
    ProgramResult result = runner.run(ProgramRequest.script(Shell.POSIX_SH, "echo out; echo err >&2; exit 3", List.of()),
        TestContext.keepingLines());

    assertThat(result).isEqualTo(new ProgramResult(3, "out\n", "err\n", false));
  }

  @Test
  void startsInTheWorkingDirectory() throws IOException {
    Path start = Files.createDirectories(directory.resolve("start here"));

    ProgramResult result = runner.run(ProgramRequest.program("/bin/pwd", List.of()).withWorkingDirectory(start.toString()),
        TestContext.keepingLines());

    assertThat(result.stdout()).isEqualTo(start + "\n");
  }

  @Test
  void keepsOutputUpToTheLimitAndLogsEveryLine() {
    TestContext context = TestContext.keepingLines();
    String script = "i=0; while [ $i -lt 100 ]; do echo line$i; i=$((i+1)); done";

    ProgramResult result = runner.run(ProgramRequest.script(Shell.POSIX_SH, script, List.of()).withOutputLimit(50), context);

    assertThat(result.stdout()).hasSize(50).startsWith("line0\nline1\n");
    assertThat(result.outputTruncated()).isTrue();
    assertThat(context.lines).filteredOn(line -> !line.startsWith("stderr: ")).hasSize(100).last().isEqualTo("line99");
  }

  /** The test JVM's heap is capped at 256 MB (see this module's pom): 50 MB must stream through. */
  @Test
  void streamsFiftyMegabytesWithinABoundedHeap() {
    TestContext context = TestContext.countingOnly();
    long size = 50L * 1024 * 1024;

    ProgramResult result = runner.run(ProgramRequest.script(Shell.POSIX_SH,
        "yes 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde | head -c \"$1\"",
        List.of(Long.toString(size))), context);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outputTruncated()).isTrue();
    assertThat(result.stdout()).hasSize(ProgramRequest.DEFAULT_OUTPUT_LIMIT);
    assertThat(context.loggedCharacters.get()).isEqualTo(size);
  }

  @Test
  void aTimeoutEndsTheRemoteProcessAndEverythingItStarted() throws IOException {
    String marker = "30." + Math.abs(UUID.randomUUID().getMostSignificantBits());
    ProgramRequest request = ProgramRequest.script(Shell.POSIX_SH, "sleep \"$1\"; echo finished", List.of(marker))
        .withTimeout(Duration.ofSeconds(1));

    assertThatThrownBy(() -> runner.run(request, TestContext.keepingLines()))
        .isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("did not end within PT1S")
        .hasMessageContaining("were ended");
    assertThat(processesMentioning(marker)).as("processes on the server running the timed-out command").isEmpty();
  }

  @Test
  void aCancelEndsTheRemoteProcess() throws IOException {
    String marker = "30." + Math.abs(UUID.randomUUID().getMostSignificantBits());
    TestContext context = TestContext.cancelingOn("started");
    ProgramRequest request = ProgramRequest.script(Shell.POSIX_SH, "echo started; sleep \"$1\"", List.of(marker));

    assertThatThrownBy(() -> runner.run(request, context))
        .isInstanceOf(OperationCanceledException.class)
        .hasMessageContaining("were ended");
    assertThat(processesMentioning(marker)).as("processes on the server running the canceled command").isEmpty();
  }

  @Test
  void refusesAHostKeyThatIsNotInTheKnownHostsFile() throws IOException {
    Path empty = Files.writeString(directory.resolve("known_hosts_empty"), "");

    try (SshProgramRunner stranger = SshProgramRunner.create(withKnownHosts(empty))) {
      assertThatThrownBy(() -> stranger.run(ProgramRequest.program("/bin/true", List.of()), TestContext.keepingLines()))
          .isInstanceOf(NodeOperationException.class)
          .hasMessageContaining("is not in the known-hosts file")
          .hasMessageContaining("ssh-ed25519 SHA256:");
    }
  }

  @Test
  void refusesAChangedHostKey() throws Exception {
    OpenSshServer.generateKey(directory, "other_host_ed25519", "");
    Path changed = Files.writeString(directory.resolve("known_hosts_changed"),
        OpenSshServer.knownHostsLine(server.port, directory.resolve("other_host_ed25519.pub")));

    try (SshProgramRunner intercepted = SshProgramRunner.create(withKnownHosts(changed))) {
      assertThatThrownBy(() -> intercepted.run(ProgramRequest.program("/bin/true", List.of()), TestContext.keepingLines()))
          .isInstanceOf(NodeOperationException.class)
          .hasMessageContaining("CHANGED");
    }
  }

  @Test
  void refusesAUserKeyTheServerDoesNotAuthorize() throws Exception {
    Path stranger = OpenSshServer.generateKey(directory, "stranger_ed25519", "");
    SshTarget target = new SshTarget("node1", "127.0.0.1", server.port, server.user, stranger, null, server.knownHosts,
        LoginShell.POSIX, SshTarget.DEFAULT_CONNECT_TIMEOUT);

    try (SshProgramRunner refused = SshProgramRunner.create(target)) {
      assertThatThrownBy(() -> refused.run(ProgramRequest.program("/bin/true", List.of()), TestContext.keepingLines()))
          .isInstanceOf(NodeOperationException.class)
          .hasMessageContaining("SSH authentication of user \"" + server.user + "\"")
          .hasMessageContaining("stranger_ed25519");
    }
  }

  @Test
  void usesAPassphraseProtectedKeyAndNeverShowsThePassphrase() throws Exception {
    String passphrase = "correct horse battery staple";
    Path key = OpenSshServer.generateKey(directory, "protected_ed25519", passphrase);
    Files.writeString(directory.resolve("authorized_keys"), Files.readString(directory.resolve("protected_ed25519.pub")),
        java.nio.file.StandardOpenOption.APPEND);
    SshTarget target = new SshTarget("node1", "127.0.0.1", server.port, server.user, key, passphrase, server.knownHosts,
        LoginShell.POSIX, SshTarget.DEFAULT_CONNECT_TIMEOUT);

    try (SshProgramRunner protectedKey = SshProgramRunner.create(target);
        SshProgramRunner wrongPassphrase = SshProgramRunner.create(target.withPassphrase("wrong"))) {
      assertThat(protectedKey.run(ProgramRequest.program("/bin/echo", List.of("in")), TestContext.keepingLines()).stdout())
          .isEqualTo("in\n");
      assertThatThrownBy(() -> wrongPassphrase.run(ProgramRequest.program("/bin/true", List.of()), TestContext.keepingLines()))
          .isInstanceOf(NodeOperationException.class)
          .hasMessageContaining("the passphrase may be wrong")
          .hasMessageNotContaining("wrong\"");
    }
    assertThat(target.toString()).doesNotContain(passphrase).contains("with passphrase");
  }

  @Test
  void keepsWorkingAfterTheServerDroppedTheConnection() {
    assertThat(runner.run(ProgramRequest.program("/bin/echo", List.of("before")), TestContext.keepingLines()).stdout())
        .isEqualTo("before\n");

    server.dropConnections();

    assertThat(runner.run(ProgramRequest.program("/bin/echo", List.of("after")), TestContext.keepingLines()).stdout())
        .isEqualTo("after\n");
  }

  @Test
  void hostileArgumentsArriveAsExactlyOneUnchangedArgumentEach() {
    long seed = Long.getLong("cau.seed", System.nanoTime());
    HostileArguments generator = new HostileArguments(seed);
    for (int i = 0; i < 40; i++) {
      List<String> arguments = generator.next();
      ProgramRequest request = i % 2 == 0
          ? ProgramRequest.program("/usr/bin/printf", Stream.concat(Stream.of("%s\\0"), arguments.stream()).toList())
          : ProgramRequest.script(Shell.POSIX_SH, "printf '%s\\0' \"$@\"", arguments);

      ProgramResult result = runner.run(request, TestContext.countingOnly());

      assertThat(result.exitCode()).as("exit code of case %d (replay with -Dcau.seed=%d)", i, seed).isZero();
      assertThat(argv(result.stdout()))
          .as("arguments printed on the server, case %d, %s (replay with -Dcau.seed=%d)", i,
              i % 2 == 0 ? "program" : "sh script", seed)
          .containsExactlyElementsOf(arguments);
    }
  }

  private static List<String> argv(String nulTerminated) {
    assertThat(nulTerminated).endsWith("\0");
    return Arrays.asList(nulTerminated.substring(0, nulTerminated.length() - 1).split("\0", -1));
  }

  private static SshTarget withKnownHosts(Path knownHosts) {
    SshTarget target = server.target();
    return new SshTarget(target.nodeName(), target.host(), target.port(), target.user(), target.identityFile(), null,
        knownHosts, LoginShell.POSIX, target.connectTimeout());
  }

  /** Scans the server machine's processes for a command line holding a marker. */
  private static List<Long> processesMentioning(String marker) throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(path -> {
            try {
              return new String(Files.readAllBytes(path.resolve("cmdline")), UTF_8).contains(marker);
            } catch (IOException gone) {
              return false;
            }
          })
          .map(path -> Long.parseLong(path.getFileName().toString()))
          .toList();
    }
  }
}

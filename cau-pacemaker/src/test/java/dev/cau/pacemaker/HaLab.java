package dev.cau.pacemaker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cau.api.capability.ProgramRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The three-node lab cluster of {@code scripts/ha-lab}, for tests that need a real Pacemaker
 * cluster. Uses a lab that is up already, or brings one up (and down again when the JVM ends).
 * Without root or on a machine without apt the calling test is skipped with a message saying how
 * to run it, or failed when {@code CAU_REQUIRE_REAL_BACKENDS=1}. Public, and in this module's test
 * jar, for cau-cli's end-to-end test of {@code cau run --cluster}.
 */
public final class HaLab {
  static final String REQUIRE_REAL_BACKENDS = "CAU_REQUIRE_REAL_BACKENDS";
  public static final Path STATE = Path.of("/var/lib/cau-ha-lab");
  public static final List<String> NODES = List.of("node1", "node2", "node3");
  static final String SUBNET = "10.213.15";

  private static HaLab instance;

  public final Path script;
  /** How long `ha-lab up` took, when this JVM brought the lab up; null when it was up already. */
  final Duration startTime;

  private HaLab(Path script, Duration startTime) {
    this.script = script;
    this.startTime = startTime;
  }

  public static synchronized HaLab require() {
    if (instance != null) {
      return instance;
    }
    Path script = repositoryRoot().resolve("scripts/ha-lab");
    String how = " (the lab's end-to-end tests run as root on a Debian machine: sudo ./mvnw -pl cau-pacemaker"
        + " verify; scripts/ha-lab installs pacemaker, corosync and openssh-server if missing)";
    if (!"root".equals(System.getProperty("user.name"))) {
      skipOrFail("The Pacemaker lab needs root" + how);
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get")) || !Files.isExecutable(script)) {
      skipOrFail("The Pacemaker lab needs apt-get and " + script + how);
    }
    Duration took = null;
    if (!Files.exists(STATE.resolve("up"))) {
      Instant start = Instant.now();
      Result up = run(script, Duration.ofMinutes(10), "up");
      if (up.exitCode != 0) {
        LabLogsOnFailure.keepAndSay("ha-lab-up", "'ha-lab up', which failed");
        run(script, Duration.ofMinutes(2), "down");
        skipOrFail("scripts/ha-lab up failed: " + up.output + up.error + how);
      }
      took = Duration.between(start, Instant.now());
      System.out.println("ha-lab up took " + took.toMillis() + " ms");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, Duration.ofMinutes(2), "down")));
    }
    instance = new HaLab(script, took);
    instance.restore();
    return instance;
  }

  public static void skipOrFail(String message) {
    if ("1".equals(System.getenv(REQUIRE_REAL_BACKENDS))) {
      fail(message + " (" + REQUIRE_REAL_BACKENDS + "=1, so this is a failure, not a skip)");
    }
    Assumptions.abort(message);
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("scripts/ha-lab"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("").toAbsolutePath() : dir;
  }

  static String address(String node) {
    return SUBNET + "." + (11 + NODES.indexOf(node));
  }

  /** Runs an ha-lab command and fails the test if it fails. */
  public String lab(String... arguments) {
    Result result = run(script, Duration.ofMinutes(3), arguments);
    if (result.exitCode != 0) {
      fail("ha-lab " + String.join(" ", arguments) + " ended with " + result.exitCode + ": " + result.output
          + result.error);
    }
    return result.output;
  }

  /** Runs a program inside a node and returns what it printed, whatever its exit code. */
  public Result exec(String node, String... command) {
    List<String> arguments = new ArrayList<>(List.of("exec", node));
    arguments.addAll(List.of(command));
    return run(script, Duration.ofMinutes(3), arguments.toArray(String[]::new));
  }

  ProgramRunner runner(String node) {
    return new NsenterRunner(script, node);
  }

  /** A controller that reaches the nodes through nsenter (no SSH), for tests in this JVM. */
  PacemakerCluster cluster(PacemakerSettings settings) {
    java.util.Map<String, ProgramRunner> runners = new java.util.LinkedHashMap<>();
    NODES.forEach(n -> runners.put(n, runner(n)));
    return new PacemakerCluster("cau-lab", runners, settings);
  }

  static PacemakerSettings labSettings() {
    return PacemakerSettings.DEFAULTS
        .withRestartCommand(List.of("/usr/bin/touch", "/var/lib/cau-lab/restart-request"))
        .withBootIdFile("/var/lib/cau-lab/boot_id")
        .withDrainTimeout(Duration.ofSeconds(60))
        .withPollInterval(Duration.ofMillis(500));
  }

  String bootId(String node) throws IOException {
    return Files.readString(STATE.resolve("nodes").resolve(node).resolve("ctl/boot_id"), UTF_8).strip();
  }

  /**
   * Brings the lab back to where every test starts: every node running, no fault, none in
   * standby, every resource started, the 1.0 packages installed and no restart pending.
   */
  public void restore() {
    for (String node : NODES) {
      lab("fault", node, "none");
      if (!Files.exists(STATE.resolve("nodes").resolve(node).resolve("ctl/boot_id"))
          || !running(node)) {
        lab("start-node", node);
      }
    }
    awaitHealthy(Duration.ofSeconds(90), true);
    for (String node : NODES) {
      exec("node1", "/usr/sbin/crm_attribute", "--node", node, "--name", "standby", "--update", "off");
    }
    lab("baseline");
    awaitHealthy(Duration.ofSeconds(90), false);
  }

  boolean running(String node) {
    Path procs = Path.of("/sys/fs/cgroup/unified/cau-ha-lab").resolve(node).resolve("cgroup.procs");
    try {
      return Files.exists(procs) && !Files.readString(procs).isBlank();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until all three nodes are online (and, unless standby is allowed, not in standby) and all resources started. */
  void awaitHealthy(Duration timeout, boolean standbyAllowed) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      Result mon = exec("node1", "/usr/sbin/crm_mon", "-1", "--output-as=xml");
      last = mon.output;
      if (mon.exitCode == 0) {
        try {
          CrmMonStatus status = CrmMonParser.parse(mon.output);
          boolean nodesUp = status.nodes().size() == 3 && status.nodes().stream()
              .allMatch(n -> n.online() && !n.pending() && (standbyAllowed || !n.standby()));
          boolean resourcesUp = !status.resources().isEmpty() && status.resources().stream()
              .allMatch(r -> r.active() && r.role().equals("Started") && r.nodes().size() == 1);
          if (nodesUp && resourcesUp && status.withQuorum()) {
            return;
          }
        } catch (IllegalArgumentException e) {
          last = e.getMessage();
        }
      }
      pause(Duration.ofMillis(300));
    }
    fail("The lab cluster did not become healthy within " + timeout + "; crm_mon said: " + last);
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Output and exit code of a finished process.
   *
   * @param exitCode the exit code
   * @param output standard output
   * @param error standard error
   */
  public record Result(int exitCode, String output, String error) {}

  static Result run(Path script, Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(arguments));
    return runCommand(command, timeout);
  }

  static Result runCommand(List<String> command, Duration timeout) {
    try {
      Path out = Files.createTempFile("ha-lab", ".out");
      Path err = Files.createTempFile("ha-lab", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor();
          return new Result(124, Files.readString(out, UTF_8), Files.readString(err, UTF_8) + "\n(timed out after "
              + timeout + ")");
        }
        return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

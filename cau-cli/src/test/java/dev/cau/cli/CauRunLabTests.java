package dev.cau.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.pacemaker.HaLab;
import dev.cau.pacemaker.LabLogsOnFailure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cau run}, {@code scan}, {@code test-setup} and {@code status} with {@code --cluster lab.json}
 * against the real three-node Pacemaker cluster of {@code scripts/ha-lab}: {@code cau} runs as a
 * separate process in the lab's coordinator namespace, drives the {@code pacemaker} backend over
 * SSH with {@code Debian.AptPlugin}, and prints what it found with the real node and package names.
 * Uses a lab that is up, or brings one up (once for the whole class) and takes it down when the
 * test JVM ends; without root or apt it is skipped with a message saying how to run it, a failure
 * with {@code CAU_REQUIRE_REAL_BACKENDS=1}.
 */
@Tag("ha-lab")
@ExtendWith(LabLogsOnFailure.class)
class CauRunLabTests {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);

  @TempDir Path work;
  private HaLab lab;

  @BeforeEach
  void lab() {
    lab = HaLab.require();
  }

  @AfterEach
  void restore() {
    if (lab != null) {
      lab.restore();
    }
  }

  @Test
  void aRunOnTheLabClusterUpdatesItsRealNodesAndPrintsThemWithTheirPackages() throws Exception {
    Path profile = HaLabFiles.profile();
    Path store = work.resolve("store");
    Path output = work.resolve("cau-run.txt");

    long started = System.nanoTime();
    int exit = runInCoordinatorNamespace(output, "run", "--cluster", HaLab.STATE.resolve("lab.json").toString(),
        "--profile", profile.toString(), "--store", store.toString());
    String printed = Files.readString(output, UTF_8);
    System.out.println("cau run on the lab took " + Duration.ofNanos(System.nanoTime() - started).toSeconds()
        + " s and printed:\n" + printed);

    assertThat(exit).as("exit code; it printed:\n%s", printed).isZero();
    assertThat(printed)
        .contains("cau-lab")
        .contains("node1", "node2", "node3")
        .contains("cau-lab-tool", "cau-lab-kernel")
        .contains("Succeeded")
        .contains("Store:    " + store);
    for (String node : HaLab.NODES) {
      assertThat(lab.exec(node, "/usr/bin/dpkg-query", "-W", "-f", "${Version}", "cau-lab-kernel").output())
          .as("cau-lab-kernel on %s", node).isEqualTo("1.1");
    }

    // The run's status, read from the shared store with the real cluster's name and no demo wording.
    Path statusOutput = work.resolve("cau-status.txt");
    int statusExit = runInCoordinatorNamespace(statusOutput, "status", "--store", store.toString(),
        "--cluster", HaLab.STATE.resolve("lab.json").toString());
    String status = Files.readString(statusOutput, UTF_8);
    System.out.println("cau status on the lab printed:\n" + status);
    assertThat(statusExit).as("exit code; it printed:\n%s", status).isZero();
    assertThat(status).contains("Cluster:      cau-lab", "State:        RunNotInProgress", "Succeeded")
        .doesNotContain("demo-cluster").doesNotContain("virtual time");
  }

  @Test
  void scanAndTestSetupOnTheLabClusterShowItsRealNodesAndPackagesWithThePluginTheFileNames() throws Exception {
    // The lab's cluster file, naming its plug-in itself: no profile is given.
    Path cluster = work.resolve("lab-with-plugins.json");
    String labJson = Files.readString(HaLab.STATE.resolve("lab.json"), UTF_8);
    Files.writeString(cluster, labJson.replaceFirst("\"backend\": \"pacemaker\",",
        "\"backend\": \"pacemaker\",\n  \"plugins\": [ { \"name\": \"Debian.AptPlugin\" } ],"), UTF_8);
    Path scanOutput = work.resolve("cau-scan.txt");
    Path setupOutput = work.resolve("cau-test-setup.txt");

    long started = System.nanoTime();
    int scanExit = runInCoordinatorNamespace(scanOutput, "scan", "--cluster", cluster.toString());
    long scanSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    String scan = Files.readString(scanOutput, UTF_8);
    System.out.println("cau scan on the lab took " + scanSeconds + " s and printed:\n" + scan);
    started = System.nanoTime();
    int setupExit = runInCoordinatorNamespace(setupOutput, "test-setup", "--cluster", cluster.toString());
    String setup = Files.readString(setupOutput, UTF_8);
    System.out.println("cau test-setup on the lab took " + Duration.ofNanos(System.nanoTime() - started).toSeconds()
        + " s and printed:\n" + setup);

    assertThat(scanExit).as("exit code; it printed:\n%s", scan).isZero();
    assertThat(scan).startsWith("Scan of cluster cau-lab: 3 nodes")
        .contains("node1", "node2", "node3")
        .contains("cau-lab-kernel", "cau-lab-tool")
        .doesNotContain("demo-cluster").doesNotContain("Demo:");
    assertThat(setup).startsWith("Readiness of cluster cau-lab: ")
        .contains("CAU-01").doesNotContain("demo-cluster");
    assertThat(setup).as("the cluster was read").doesNotContain("CAU-01 failed");
    assertThat(setupExit).as("exit code (0 ready, 1 not ready); it printed:\n%s", setup).isBetween(0, 1);
    for (String node : HaLab.NODES) {
      assertThat(lab.exec(node, "/usr/bin/dpkg-query", "-W", "-f", "${Version}", "cau-lab-kernel").output())
          .as("a scan changes nothing: cau-lab-kernel on %s", node).isEqualTo("1.0");
    }
  }

  /** Runs the test's {@code cau} (this JVM's class path) in the coordinator namespace. */
  private int runInCoordinatorNamespace(Path output, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(lab.script.toString(), "coord",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", classPath(),
        CauCommand.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("cau run did not end within " + RUN_TIMEOUT + "; it printed:\n"
          + Files.readString(output, UTF_8));
    }
    return process.exitValue();
  }

  private static String classPath() {
    return Stream.of(System.getProperty("java.class.path", ""), System.getProperty("jdk.module.path", ""))
        .flatMap(p -> Stream.of(p.split(File.pathSeparator)))
        .filter(p -> !p.isBlank())
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The repository's files the test uses. */
  private static final class HaLabFiles {
    static Path profile() {
      Path dir = Path.of("").toAbsolutePath();
      while (dir != null && !Files.exists(dir.resolve("examples/profiles/debian-apt.profile"))) {
        dir = dir.getParent();
      }
      if (dir == null) {
        throw new AssertionError("examples/profiles/debian-apt.profile not found above " + Path.of("").toAbsolutePath());
      }
      return dir.resolve("examples/profiles/debian-apt.profile");
    }
  }
}

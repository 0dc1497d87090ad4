package dev.cau.pacemaker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of the real engine with {@code Debian.AptPlugin} over SSH against the real
 * three-node lab cluster, from a coordinator process in the lab's coordinator namespace.
 */
@ExtendWith(LabLogsOnFailure.class)
class LabRunTests {
  private static final List<String> ORDER = List.of("node1", "node2", "node3");
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  @TempDir Path store;
  private HaLab lab;
  private String hostPackages;
  private final Map<String, Long> dpkgLogSizes = new LinkedHashMap<>();

  @BeforeEach
  void lab() throws Exception {
    lab = HaLab.require();
    hostPackages = hostPackageState();
    for (String node : ORDER) {
      Path log = HaLab.STATE.resolve("nodes").resolve(node).resolve("log/dpkg.log");
      dpkgLogSizes.put(node, Files.exists(log) ? Files.size(log) : 0L);
    }
  }

  @AfterEach
  void restore() throws Exception {
    if (lab != null) {
      lab.restore();
      assertThat(hostPackageState()).as("the host's package database").isEqualTo(hostPackages);
    }
  }

  @Test
  void aRollingRunUpgradesEveryNodeOnceAndRestartsItWhileEveryResourceKeepsRunning() throws Exception {
    String events = events();
    LabCoordinatorProcess coordinator;
    int exit;
    List<CrmMonSampler.Sample> samples;
    long started = System.nanoTime();
    try (CrmMonSampler sampler = new CrmMonSampler(lab)) {
      coordinator = LabCoordinatorProcess.start(lab, "rolling", "start", store, Duration.ofMinutes(2), ORDER);
      exit = coordinator.await(RUN_TIMEOUT);
      sampler.close();
      samples = sampler.samples;
    }
    System.out.println("rolling run took " + (System.nanoTime() - started) / 1_000_000 + " ms, "
        + samples.size() + " crm_mon samples, " + samples.stream().filter(x -> x.migrating() > 0).count()
        + " of them during a live migration");

    String output = coordinator.output();
    assertThat(exit).as(output).isZero();
    assertThat(output).contains("RESULT SUCCEEDED");
    for (String node : ORDER) {
      assertThat(output).contains("NODE " + node + " SUCCEEDED installs=2 restarts=1");
      assertThat(upgrades(node)).as("upgrades on " + node)
          .containsExactly("cau-lab-kernel:all 1.0 1.1", "cau-lab-tool:all 1.0 1.1");
      assertThat(installedVersions(node)).isEqualTo("cau-lab-kernel 1.1\ncau-lab-tool 1.1");
    }
    assertThat(bootsSince(events)).as("each node booted once, by the run").containsExactlyInAnyOrderElementsOf(ORDER);
    assertEverySampleHeld(samples);
    assertFinalStateIsHealthy();
  }

  @Test
  void aNodeThatNeverComesBackFailsThatNodeAndNotTheCluster() throws Exception {
    lab.lab("fault", "node3", "never-returns");

    LabCoordinatorProcess coordinator = LabCoordinatorProcess.start(lab, "never-returns", "start", store,
        Duration.ofSeconds(30), ORDER);
    coordinator.await(RUN_TIMEOUT);

    String output = coordinator.output();
    assertThat(output).contains("NODE node1 SUCCEEDED", "NODE node2 SUCCEEDED", "NODE node3 FAILED");
    assertThat(output).containsPattern("NODE node3 FAILED .*reason=.*(restart|return|ready|back)");
    assertThat(upgrades("node1")).hasSize(2);
    assertThat(upgrades("node2")).hasSize(2);
    CrmMonStatus status = CrmMonParser.parse(lab.exec("node1", "/usr/sbin/crm_mon", "-1", "--output-as=xml").output());
    assertThat(status.withQuorum()).as("the cluster keeps quorum").isTrue();
    assertThat(status.node("node1").orElseThrow()).matches(n -> n.online() && !n.standby());
    assertThat(status.node("node2").orElseThrow()).matches(n -> n.online() && !n.standby());
    assertThat(status.node("node3").orElseThrow().online()).isFalse();
    assertThat(status.resources()).allMatch(r -> r.active() && r.nodes().size() == 1 && !r.nodes().contains("node3"));
  }

  @Test
  void aRunThatWouldLoseQuorumIsRefusedNamingNodesAndVotesAndTouchesNothing() throws Exception {
    lab.lab("stop-node", "node3");
    Map<String, String> before = nodeFacts();
    String votes = lab.exec("node1", "/usr/sbin/corosync-quorumtool", "-s").output();

    LabCoordinatorProcess coordinator = LabCoordinatorProcess.start(lab, "quorum", "start", store,
        Duration.ofMinutes(2), ORDER);
    coordinator.await(RUN_TIMEOUT);

    String output = coordinator.output();
    QuorumStatus corosync = QuorumToolParser.parse(votes);
    assertThat(corosync.totalVotes()).isEqualTo(2);
    assertThat(corosync.expectedVotes()).isEqualTo(3);
    assertThat(output).contains("RESULT FAILED The quorum guard refused to take node \"node1\" down")
        .contains("taking \"node1\" down would leave 1 of " + corosync.expectedVotes() + " configured votes ("
            + corosync.quorum() + " needed)")
        .contains("nodes already down: \"node3\" (down)");
    assertThat(output).doesNotContain("step=STAGING", "step=SUSPENDING", "step=INSTALLING", "step=RESTARTING");
    assertThat(nodeFacts()).as("no node was drained, downloaded to, upgraded or restarted").isEqualTo(before);
  }

  @Test
  void aCoordinatorKilledMidRunIsResumedAndTheRunEndsAsAnUninterruptedOneWould() throws Exception {
    String events = events();
    LabCoordinatorProcess first = LabCoordinatorProcess.start(lab, "killed", "start", store, Duration.ofMinutes(2),
        ORDER);
    assertThat(first.awaitOutput("node=node2, step=INSTALLING", RUN_TIMEOUT)).as(first.output()).isTrue();
    first.process.destroyForcibly().waitFor();

    LabCoordinatorProcess second = LabCoordinatorProcess.start(lab, "killed", "resume", store,
        Duration.ofMinutes(2), ORDER);
    int exit = second.await(RUN_TIMEOUT);

    String output = second.output();
    assertThat(exit).as(output).isZero();
    assertThat(output).contains("RESULT SUCCEEDED");
    for (String node : ORDER) {
      assertThat(output).containsPattern("NODE " + node + " SUCCEEDED installs=\\d+ restarts=1");
      assertThat(upgrades(node)).as("upgrades on " + node)
          .containsExactly("cau-lab-kernel:all 1.0 1.1", "cau-lab-tool:all 1.0 1.1");
    }
    assertThat(bootsSince(events)).as("each node booted once").containsExactlyInAnyOrderElementsOf(ORDER);
    assertFinalStateIsHealthy();
  }

  private static void assertEverySampleHeld(List<CrmMonSampler.Sample> samples) {
    assertThat(samples).as("crm_mon samples during the run").hasSizeGreaterThan(10);
    for (CrmMonSampler.Sample sample : samples) {
      assertThat(sample.status().withQuorum()).as("quorate at " + sample).isTrue();
      assertThat(sample.standby()).as("nodes in standby at " + sample).isLessThanOrEqualTo(1);
      assertThat(sample.notRunning()).as("resources not running at " + sample).isEmpty();
      assertThat(sample.status().resources()).as("resources at " + sample).hasSize(3);
    }
  }

  private void assertFinalStateIsHealthy() {
    CrmMonStatus status = CrmMonParser.parse(lab.exec("node1", "/usr/sbin/crm_mon", "-1", "--output-as=xml").output());
    assertThat(status.withQuorum()).isTrue();
    assertThat(status.nodes()).hasSize(3).allMatch(n -> n.online() && !n.standby());
    assertThat(status.resources()).hasSize(3).allMatch(r -> r.active() && r.nodes().size() == 1);
  }

  /** The upgrades dpkg logged on a node since the test began, as "package old new". */
  private List<String> upgrades(String node) throws IOException {
    Path log = HaLab.STATE.resolve("nodes").resolve(node).resolve("log/dpkg.log");
    byte[] all = Files.readAllBytes(log);
    int from = dpkgLogSizes.get(node).intValue();
    String added = new String(all, from, all.length - from, UTF_8);
    return added.lines().filter(l -> l.contains(" upgrade "))
        .map(l -> l.substring(l.indexOf(" upgrade ") + 9)).toList();
  }

  private String installedVersions(String node) {
    return lab.exec(node, "/usr/bin/dpkg-query", "-W", "-f", "${Package} ${Version}\\n", "cau-lab-*").output().strip();
  }

  private static String events() throws IOException {
    return Files.readString(HaLab.STATE.resolve("events.log"), UTF_8);
  }

  /** The nodes booted since the events log read as before, one entry per boot. */
  private static List<String> bootsSince(String before) throws IOException {
    String now = events().substring(before.length());
    return now.lines().filter(l -> l.contains(" boot ")).map(l -> {
      for (String node : ORDER) {
        if (l.contains(" boot " + node)) {
          return node;
        }
      }
      return l;
    }).toList();
  }

  /** Per node: its boot identity, its standby attribute and its dpkg log, which an upgrade grows. */
  private Map<String, String> nodeFacts() throws IOException {
    Map<String, String> facts = new LinkedHashMap<>();
    for (String node : ORDER) {
      Path dir = HaLab.STATE.resolve("nodes").resolve(node);
      Path dpkgLog = dir.resolve("log/dpkg.log");
      facts.put(node, "boot=" + Files.readString(dir.resolve("ctl/boot_id"), UTF_8).strip()
          + " standby=" + lab.exec("node1", "/usr/sbin/crm_attribute", "--node", node, "--name", "standby",
              "--query", "--quiet").output().strip()
          + " dpkg=" + (Files.exists(dpkgLog) ? Files.size(dpkgLog) : 0)
          + " downloaded=" + downloadedPackages(dir));
    }
    return facts;
  }

  /** The packages in a node's apt cache (its {@code /var/cache/apt/archives}), with their sizes. */
  private static List<String> downloadedPackages(Path nodeDir) throws IOException {
    Path archives = nodeDir.resolve("var-cache-apt/archives");
    if (!Files.isDirectory(archives)) {
      return List.of();
    }
    try (var files = Files.list(archives)) {
      List<Path> debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).sorted().toList();
      List<String> listed = new java.util.ArrayList<>();
      for (Path deb : debs) {
        listed.add(deb.getFileName() + ":" + Files.size(deb));
      }
      return listed;
    }
  }

  static String hostPackageState() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String file : List.of("/var/lib/dpkg/status", "/var/log/dpkg.log")) {
      Path path = Path.of(file);
      if (Files.exists(path)) {
        sha.update(Files.readAllBytes(path));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}

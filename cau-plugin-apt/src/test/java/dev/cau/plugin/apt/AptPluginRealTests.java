package dev.cau.plugin.apt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.plugin.apt.PackageLab.Node;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug-in against real dpkg and apt: package nodes built with the repository's lab scripts,
 * each with a private package database in a mount namespace of its own, and the plug-in's
 * programs executed inside them ({@code nsenter --mount=FILE unshare --net -- ...}, no shell).
 * Needs root, dpkg-dev and apt: skipped with a message otherwise, a failure with
 * {@code CAU_REQUIRE_REAL_BACKENDS=1}. Every test takes its nodes down and checks that no mount
 * is left behind.
 */
class AptPluginRealTests {
  private static final String[] OLD_SET = {"cau-lab-tool=1.0", "cau-lab-kernel=1.0", "cau-lab-lib=1.0"};

  @TempDir static Path shared;
  private static Path repo;

  @TempDir Path directory;
  private final List<Node> nodes = new ArrayList<>();

  @BeforeAll
  static void buildRepository() throws IOException {
    PackageLab.assumeAvailable();
    repo = PackageLab.buildRepository(shared);
  }

  @BeforeEach
  void readableByApt() throws IOException {
    PackageLab.openUp(directory);
  }

  @AfterEach
  void takeEveryNodeDown() throws IOException {
    for (Node node : nodes) {
      node.close();
    }
    assertThat(PackageLab.mountsUnder(directory)).as("mounts left behind").isEmpty();
  }

  private Node node(String name, String... packages) throws IOException {
    Node node = Node.up(name, directory, repo, packages);
    nodes.add(node);
    return node;
  }

  private static ConformanceContext on(Node node) {
    return ConformanceContext.on(ConformanceNode.of(node.runner));
  }

  private static UpdatePlugin plugin(Map<String, String> arguments) {
    return new AptPluginProvider().create(PluginArguments.of(arguments));
  }

  @Test
  void scanListsExactlyTheUpgradablePackages() throws IOException {
    Node node = node("n1", OLD_SET);

    List<Update> plain = plugin(Map.of()).scan(on(node));
    List<Update> withNew = plugin(Map.of("WithNewPackages", "True")).scan(on(node));

    assertThat(plain).extracting(Update::id, Update::title).containsExactly(
        tuple("cau-lab-kernel=1.1", "cau-lab-kernel 1.0 -> 1.1"), tuple("cau-lab-tool=1.1", "cau-lab-tool 1.0 -> 1.1"));
    assertThat(withNew).extracting(Update::id).containsExactlyInAnyOrder("cau-lab-kernel=1.1", "cau-lab-tool=1.1",
        "cau-lab-lib=1.1", "cau-lab-newdep=1.0");
    assertThat(node.labPackages()).as("scanning changes nothing")
        .containsExactly("cau-lab-kernel 1.0", "cau-lab-lib 1.0", "cau-lab-tool 1.0");
  }

  @Test
  void stageDownloadsTheUpgradesAndInstallsNothing() throws IOException {
    Node node = node("n1", OLD_SET);
    UpdatePlugin plugin = plugin(Map.of());
    List<Update> updates = plugin.scan(on(node));
    String status = PackageLab.sha256(node.dpkgStatus());

    assertThat(node.archives().resolve("cau-lab-tool_1.1_all.deb")).doesNotExist();
    plugin.stage(on(node), updates);

    assertThat(node.archives().resolve("cau-lab-tool_1.1_all.deb")).isRegularFile();
    assertThat(node.archives().resolve("cau-lab-kernel_1.1_all.deb")).isRegularFile();
    assertThat(PackageLab.sha256(node.dpkgStatus())).as("the node's dpkg status").isEqualTo(status);
  }

  @Test
  void installUpgradesOneNodeWhileTheOtherNodesAndTheHostStayByteIdentical() throws IOException {
    String hostBefore = PackageLab.sha256(PackageLab.HOST_DPKG_STATUS);
    boolean hostFlagBefore = Files.exists(Path.of(RebootFlag.FLAG));
    Node n1 = node("n1", OLD_SET);
    Node n2 = node("n2", OLD_SET);
    Node n3 = node("n3");
    String n2Before = PackageLab.sha256(n2.dpkgStatus());
    String n3Before = PackageLab.sha256(n3.dpkgStatus());
    UpdatePlugin plugin = plugin(Map.of());

    List<Update> updates = plugin.scan(on(n1));
    plugin.stage(on(n1), updates);
    List<InstallResult> results = plugin.install(on(n1), updates);

    assertThat(results).extracting(r -> r.update().id(), InstallResult::code, InstallResult::rebootRequired)
        .containsExactly(tuple("cau-lab-kernel=1.1", UpdateResultCode.SUCCEEDED, true),
            tuple("cau-lab-tool=1.1", UpdateResultCode.SUCCEEDED, false));
    assertThat(n1.labPackages()).containsExactly("cau-lab-kernel 1.1", "cau-lab-lib 1.0", "cau-lab-tool 1.1");
    assertThat(n1.rebootFlagged()).isTrue();
    assertThat(plugin.scan(on(n1))).as("a scan after the install").isEmpty();

    assertThat(PackageLab.sha256(n2.dpkgStatus())).as("node n2's dpkg status").isEqualTo(n2Before);
    assertThat(PackageLab.sha256(n3.dpkgStatus())).as("node n3's dpkg status").isEqualTo(n3Before);
    assertThat(n2.labPackages()).containsExactly("cau-lab-kernel 1.0", "cau-lab-lib 1.0", "cau-lab-tool 1.0");
    assertThat(n3.labPackages()).isEmpty();
    assertThat(n2.rebootFlagged()).isFalse();
    assertThat(PackageLab.sha256(PackageLab.HOST_DPKG_STATUS)).as("the host's dpkg status").isEqualTo(hostBefore);
    assertThat(Files.exists(Path.of(RebootFlag.FLAG))).as("the host's restart flag").isEqualTo(hostFlagBefore);
    assertThat(Path.of("/opt/cau-lab")).as("the payload exists only inside the nodes").doesNotExist();
  }

  @Test
  void newPackagesComeWithTheUpgradeThatNeedsThemWhenAllowed() throws IOException {
    Node node = node("n1", OLD_SET);
    UpdatePlugin plugin = plugin(Map.of("WithNewPackages", "True", "AllowPackages", "cau-lab-lib cau-lab-newdep"));

    List<Update> updates = plugin.scan(on(node));
    List<InstallResult> results = plugin.install(on(node), updates);

    assertThat(results).extracting(r -> r.update().id(), InstallResult::code, InstallResult::rebootRequired)
        .containsExactly(tuple("cau-lab-newdep=1.0", UpdateResultCode.SUCCEEDED, false),
            tuple("cau-lab-lib=1.1", UpdateResultCode.SUCCEEDED, false));
    assertThat(node.labPackages()).containsExactly("cau-lab-kernel 1.0", "cau-lab-lib 1.1", "cau-lab-newdep 1.0",
        "cau-lab-tool 1.0");
    assertThat(node.rebootFlagged()).isFalse();
  }

  @Test
  void theAllowListUpgradesOnlyItsPackagesAndTheDenyListRefusesADeniedDependency() throws IOException {
    Node allowed = node("n1", OLD_SET);
    Node denied = node("n2", OLD_SET);

    UpdatePlugin onlyTool = plugin(Map.of("AllowPackages", "cau-lab-tool"));
    List<InstallResult> results = onlyTool.install(on(allowed), onlyTool.scan(on(allowed)));

    assertThat(results).extracting(r -> r.update().id(), InstallResult::code)
        .containsExactly(tuple("cau-lab-tool=1.1", UpdateResultCode.SUCCEEDED));
    assertThat(allowed.labPackages()).containsExactly("cau-lab-kernel 1.0", "cau-lab-lib 1.0", "cau-lab-tool 1.1");
    assertThat(allowed.rebootFlagged()).isFalse();

    UpdatePlugin noNewdep = plugin(Map.of("WithNewPackages", "True", "DenyPackages", "cau-lab-newdep"));
    List<Update> updates = noNewdep.scan(on(denied));
    String status = PackageLab.sha256(denied.dpkgStatus());
    assertThat(updates).extracting(Update::id).containsExactlyInAnyOrder("cau-lab-kernel=1.1", "cau-lab-lib=1.1",
        "cau-lab-tool=1.1");
    assertThatThrownBy(() -> noNewdep.install(on(denied), updates)).isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("would also install cau-lab-newdep 1.0");
    assertThat(PackageLab.sha256(denied.dpkgStatus())).as("nothing was installed").isEqualTo(status);
  }

  @Test
  void hostilePackageNamesAreRefusedBeforeAnyProgramRuns() throws IOException {
    Node node = node("n1", OLD_SET);
    String status = PackageLab.sha256(node.dpkgStatus());

    for (String value : List.of("-oAPT::Update::Pre-Invoke=touch /run/pwned", "--allow-unauthenticated",
        "cau-lab-tool;reboot", "$(reboot)")) {
      assertThatThrownBy(() -> new AptPluginProvider().create(PluginArguments.of(Map.of("AllowPackages", value))))
          .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("AllowPackages");
    }
    List<InstallResult> results = plugin(Map.of()).install(on(node),
        List.of(Update.of("-oAPT::Update::Pre-Invoke=touch", "hostile")));

    assertThat(results).extracting(InstallResult::code).containsExactly(UpdateResultCode.FAILED);
    assertThat(node.runner.requests).as("programs run on the node").isEmpty();
    assertThat(PackageLab.sha256(node.dpkgStatus())).isEqualTo(status);
  }

  @Test
  void aNodeCanLiveInAnExistingMountNamespaceAsALabNodeDoes() throws IOException {
    // A lab node's mount namespace, held by a file in a private mount, with a /run of its own.
    Path holder = Files.createDirectories(directory.resolve("lab-ns"));
    Path labNamespace = holder.resolve("node1");
    PackageLab.run("/usr/bin/mount", "--bind", holder.toString(), holder.toString());
    try {
      PackageLab.run("/usr/bin/mount", "--make-private", holder.toString());
      Files.createFile(labNamespace);
      PackageLab.run("/usr/bin/unshare", "--mount=" + labNamespace, "--propagation", "private", "true");
      PackageLab.run("/usr/bin/nsenter", "--mount=" + labNamespace, "/usr/bin/mount", "-t", "tmpfs", "lab-run", "/run");
      PackageLab.run("/usr/bin/nsenter", "--mount=" + labNamespace, "/usr/bin/touch", "/run/lab-state");

      Node node = Node.up("n1", directory, repo, List.of(labNamespace.toString(), "--keep-run"), OLD_SET);
      assertThat(node.namespace).isEqualTo(labNamespace);
      UpdatePlugin plugin = plugin(Map.of("AllowPackages", "cau-lab-kernel"));
      List<InstallResult> results = plugin.install(on(node), plugin.scan(on(node)));
      node.close();

      assertThat(results).extracting(r -> r.update().id(), InstallResult::code, InstallResult::rebootRequired)
          .containsExactly(tuple("cau-lab-kernel=1.1", UpdateResultCode.SUCCEEDED, true));
      String labMounts = PackageLab.run("/usr/bin/nsenter", "--mount=" + labNamespace, "/usr/bin/findmnt", "-rn",
          "-o", "TARGET");
      assertThat(labMounts.lines()).as("the lab namespace's mounts after down").contains("/run")
          .doesNotContain("/var/lib/dpkg", "/var/lib/apt", "/var/cache/apt", "/etc/apt", "/var/log", "/opt");
      PackageLab.run("/usr/bin/nsenter", "--mount=" + labNamespace, "/usr/bin/test", "-e", "/run/lab-state");
    } finally {
      if (Files.exists(labNamespace)) {
        PackageLab.run("/usr/bin/umount", labNamespace.toString());
      }
      PackageLab.run("/usr/bin/umount", holder.toString());
    }
  }

  @Test
  void takingANodeDownLeavesNoMountNamespaceFileOrState() throws IOException {
    Node node = Node.up("n1", directory, repo, "cau-lab-tool=1.0");
    assertThat(PackageLab.mountsUnder(node.state)).as("the namespace file is mounted while the node is up")
        .isNotEmpty();

    node.close();

    assertThat(PackageLab.mountsUnder(node.state)).isEmpty();
    assertThat(node.namespace).doesNotExist();
    assertThat(node.state).doesNotExist();
  }
}

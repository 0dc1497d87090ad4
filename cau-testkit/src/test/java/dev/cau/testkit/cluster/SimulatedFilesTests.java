package dev.cau.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.NodeOperationException;
import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.AccessRight;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ShareSecurity;
import dev.cau.api.cluster.NodeState;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every {@link NodeFiles} method of a simulated node, reached through its capability. */
class SimulatedFilesTests {
  private final SimulatedCluster cluster = SimulatedCluster.builder("files")
      .node("n1").node("n2").node("down", n -> n.state(NodeState.DOWN)).build();
  private final SimulatedNode node = cluster.node("n1");
  private final NodeFiles files = node.capability(NodeFiles.class).orElseThrow();
  private final ConformanceContext context = ConformanceContext.on(ConformanceNode.empty());

  @Test
  void theNodeOffersItsOwnFilesAsTheCapability() {
    assertThat(files).isSameAs(node.files());
  }

  @Test
  void statDescribesAFileWithItsSizeAndWhenItWasWritten() {
    Instant written = cluster.simulator().now();
    node.files().write("C:\\Scripts\\pre.ps1", "Write-Output 'ready'");

    assertThat(files.stat("C:\\Scripts\\pre.ps1", context)).contains(
        new FileEntry("C:\\Scripts\\pre.ps1", "pre.ps1", FileKind.FILE, 20, written));
    assertThat(files.stat("C:\\Scripts\\post.ps1", context)).isEmpty();
  }

  @Test
  void windowsPathsCompareWithoutLetterCaseAndEitherSeparatorPosixPathsExactly() {
    node.files().write("C:\\Scripts\\Pre.ps1", "x").write("/etc/cau/pre.sh", "y");

    assertThat(files.stat("c:/scripts/PRE.PS1", context)).map(FileEntry::name).contains("Pre.ps1");
    assertThat(files.stat("/etc/cau/pre.sh", context)).isPresent();
    assertThat(files.stat("/etc/cau/PRE.sh", context)).isEmpty();
  }

  @Test
  void writingAFileCreatesItsParentDirectories() {
    node.files().write("\\\\fs1\\Hotfixes\\Root\\a.msu", new byte[] {1, 2, 3});

    assertThat(files.stat("\\\\fs1\\Hotfixes\\Root", context)).map(FileEntry::kind).contains(FileKind.DIRECTORY);
    assertThat(files.stat("/", context)).isEmpty();
  }

  @Test
  void statReportsALinkAsALinkWithoutFollowingIt() {
    node.files().write("/opt/real.sh", "echo hi").link("/opt/pre.sh", "/opt/real.sh");

    assertThat(files.stat("/opt/pre.sh", context)).map(FileEntry::kind).contains(FileKind.LINK);
    assertThat(files.stat("/opt/pre.sh", context)).map(FileEntry::size).contains(0L);
  }

  @Test
  void listGivesADirectorysOwnEntriesWithoutDescending() {
    node.files().write("/srv/a.sh", "a").directory("/srv/sub").write("/srv/sub/deep.sh", "d")
        .link("/srv/l", "/etc/passwd");

    assertThat(files.list("/srv", context)).extracting(FileEntry::name, FileEntry::kind).containsExactly(
        org.assertj.core.api.Assertions.tuple("a.sh", FileKind.FILE),
        org.assertj.core.api.Assertions.tuple("sub", FileKind.DIRECTORY),
        org.assertj.core.api.Assertions.tuple("l", FileKind.LINK));
  }

  @Test
  void listRefusesAFileAndAPathThatDoesNotExist() {
    node.files().write("/srv/a.sh", "a");

    assertThatThrownBy(() -> files.list("/srv/a.sh", context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("not a directory");
    assertThatThrownBy(() -> files.list("/nowhere", context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void readReturnsTheContent() {
    node.files().write("C:\\Scripts\\pre.ps1", "Write-Output 'ready'");

    assertThat(new String(files.read("C:\\Scripts\\pre.ps1", 1024, context), StandardCharsets.UTF_8))
        .isEqualTo("Write-Output 'ready'");
  }

  @Test
  void readRefusesAFileLargerThanTheBoundNamingTheNodeAndThePath() {
    node.files().write("/big.bin", new byte[2048]);

    assertThatThrownBy(() -> files.read("/big.bin", 2047, context))
        .isInstanceOfSatisfying(NodeOperationException.class, e -> assertThat(e.node()).isEqualTo("n1"))
        .hasMessageContaining("\"n1\"").hasMessageContaining("/big.bin").hasMessageContaining("2048 bytes");
    assertThat(files.read("/big.bin", 2048, context)).hasSize(2048);
  }

  @Test
  void readRefusesALinkADirectoryAndAMissingFile() {
    node.files().write("/opt/real.sh", "echo hi").link("/opt/pre.sh", "/opt/real.sh");

    assertThatThrownBy(() -> files.read("/opt/pre.sh", 100, context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("is a link").hasMessageContaining("never followed");
    assertThatThrownBy(() -> files.read("/opt", 100, context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> files.read("/opt/none", 100, context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void sha256IsLowerCaseHexOfTheContent() {
    node.files().write("/abc", "abc");

    assertThat(files.sha256("/abc", context))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void sha256RefusesALink() {
    node.files().write("/abc", "abc").link("/l", "/abc");

    assertThatThrownBy(() -> files.sha256("/l", context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("link");
  }

  @Test
  void aNewPathHasTheDefaultAccessListAndATestCanReplaceIt() {
    node.files().write("C:\\Scripts\\pre.ps1", "x");
    assertThat(files.accessEntries("C:\\Scripts\\pre.ps1", context)).isEqualTo(SimulatedFiles.DEFAULT_ACCESS);
    assertThat(SimulatedFiles.DEFAULT_ACCESS).noneMatch(e -> e.principal().equals("Everyone") && e.allowsChange());

    List<AccessEntry> open = List.of(AccessEntry.allow("Everyone", Set.of(AccessRight.READ, AccessRight.WRITE)));
    node.files().access("C:\\Scripts\\pre.ps1", open);

    assertThat(files.accessEntries("c:\\scripts\\pre.ps1", context)).isEqualTo(open);
    assertThatThrownBy(() -> files.accessEntries("C:\\none", context)).isInstanceOf(NodeOperationException.class);
  }

  @Test
  void shareSecurityComesFromTheShareWhoseRootHoldsThePath() {
    node.files().write("\\\\fs1\\Hotfixes\\Root\\a.msu", "m")
        .share("\\\\fs1\\Hotfixes", new ShareSecurity(true, false, false))
        .share("\\\\fs1\\Hotfixes\\Root", new ShareSecurity(true, true, false));

    assertThat(files.shareSecurity("\\\\FS1\\hotfixes\\root\\a.msu", context))
        .contains(new ShareSecurity(true, true, false));
    assertThat(files.shareSecurity("\\\\fs1\\Hotfixes", context)).contains(new ShareSecurity(true, false, false));
    assertThat(files.shareSecurity("\\\\fs1\\HotfixesOld\\b.msu", context)).isEmpty();
    assertThat(files.shareSecurity("C:\\local", context)).isEmpty();
  }

  @Test
  void aDeniedPathIsRefused() {
    node.files().write("C:\\Secret\\a.txt", "s").denyAccess("C:\\Secret");

    assertThatThrownBy(() -> files.stat("C:\\Secret\\a.txt", context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("access is denied");
  }

  @Test
  void everyCallIsAStepThatTakesTheFileReadTime() {
    node.files().write("/abc", "abc");
    Instant before = cluster.simulator().now();

    files.stat("/abc", context);
    files.sha256("/abc", context);

    assertThat(cluster.steps()).extracting(StepRecord::node, StepRecord::step).containsExactly(
        org.assertj.core.api.Assertions.tuple("n1", "files stat /abc"),
        org.assertj.core.api.Assertions.tuple("n1", "files sha256 /abc"));
    assertThat(cluster.simulator().now()).isEqualTo(before.plus(Timings.DEFAULT_FILE_READ.multipliedBy(2)));
  }

  @Test
  void aNodeThatIsDownRefusesEveryCall() {
    NodeFiles down = cluster.node("down").files();

    assertThatThrownBy(() -> down.stat("/abc", context)).isInstanceOf(NodeOperationException.class)
        .hasMessageContaining("DOWN");
  }

  @Test
  void writeOnEveryNodePutsTheSameFileOnEachNode() {
    cluster.writeOnEveryNode("C:\\Scripts\\pre.ps1", "same");

    assertThat(cluster.node("n1").files().sha256("C:\\Scripts\\pre.ps1", context))
        .isEqualTo(cluster.node("n2").files().sha256("C:\\Scripts\\pre.ps1", context));
  }

  @Test
  void fileReadTimeIsATiming() {
    assertThat(Timings.defaults().fileRead()).isEqualTo(Duration.ofSeconds(1));
    assertThat(Timings.defaults().withFileRead(Duration.ofMillis(5)).fileRead()).isEqualTo(Duration.ofMillis(5));
  }
}

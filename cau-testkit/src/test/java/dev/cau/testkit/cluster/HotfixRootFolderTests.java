package dev.cau.testkit.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.AccessRight;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.ShareSecurity;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hotfix root-folder builder plants the same folder on every node, or writes it into a directory. */
class HotfixRootFolderTests {
  private static final String ROOT = "\\\\fs1\\Hotfixes\\Root";
  private final SimulatedCluster cluster = SimulatedCluster.builder("hv").node("n1").node("n2").build();
  private final ConformanceContext context = ConformanceContext.on(ConformanceNode.empty());

  private HotfixRootFolder folder() {
    return HotfixRootFolder.at(ROOT)
        .configuration("<HotfixInstallerConfiguration/>")
        .forAllNodes("KB1.msu", "kb1".getBytes(UTF_8))
        .forNode("N2", "BIOS\\bios.exe", "bios".getBytes(UTF_8))
        .directory("empty")
        .link("CAUHotfix_All\\out.msu", "\\\\evil\\x.msu");
  }

  @Test
  void everyNodeSeesTheSameFolderOnASignedShare() {
    folder().plantOn(cluster);

    for (SimulatedNode node : cluster.nodes()) {
      assertThat(node.files().list(ROOT, context)).extracting(FileEntry::name)
          .containsExactly("DefaultHotfixConfig.xml", "CAUHotfix_All", "N2", "empty");
      assertThat(node.files().read(ROOT + "\\N2\\BIOS\\bios.exe", 100, context)).isEqualTo("bios".getBytes(UTF_8));
      assertThat(node.files().stat(ROOT + "\\CAUHotfix_All\\out.msu", context).orElseThrow().kind())
          .isEqualTo(FileKind.LINK);
      assertThat(node.files().shareSecurity(ROOT + "\\CAUHotfix_All", context))
          .contains(HotfixRootFolder.SIGNED_SHARE);
      assertThat(node.files().accessEntries(ROOT, context)).isEqualTo(SimulatedFiles.DEFAULT_ACCESS);
    }
  }

  @Test
  void accessListsShareSecurityAndALocalFolderAreSetAsAsked() {
    List<AccessEntry> open = List.of(AccessEntry.allow("Everyone", EnumSet.of(AccessRight.WRITE)));
    folder().access("CAUHotfix_All\\KB1.msu", open).share(new ShareSecurity(false, true, true)).plantOn(cluster);
    assertThat(cluster.node("n1").files().accessEntries(ROOT + "\\CAUHotfix_All\\KB1.msu", context)).isEqualTo(open);
    assertThat(cluster.node("n1").files().shareSecurity(ROOT, context)).contains(new ShareSecurity(false, true, true));

    SimulatedCluster local = SimulatedCluster.builder("l").node("n1").build();
    HotfixRootFolder.at("D:\\Hotfixes").local().forAllNodes("a.msu", new byte[] {1}).plantOn(local);
    assertThat(local.node("n1").files().shareSecurity("D:\\Hotfixes", context)).isEmpty();
  }

  @Test
  void theManifestListsTheHashOfEveryFileBelowTheRoot() {
    HotfixRootFolder folder = folder().manifest().plantOn(cluster);

    String manifest = new String(cluster.node("n1").files().read(folder.resolve(HotfixRootFolder.MANIFEST), 10_000,
        context), UTF_8);
    assertThat(manifest.lines()).containsExactly("# SHA-256 and path of every hotfix file",
        HotfixRootFolder.sha256("kb1".getBytes(UTF_8)) + "  CAUHotfix_All\\KB1.msu",
        HotfixRootFolder.sha256("bios".getBytes(UTF_8)) + "  N2\\BIOS\\bios.exe");
    assertThat(HotfixRootFolder.sha256(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void writeToCreatesTheTreeInADirectory(@TempDir Path directory) throws IOException {
    List<Path> written = folder().writeTo(directory);

    assertThat(Files.readString(directory.resolve("N2").resolve("BIOS").resolve("bios.exe"))).isEqualTo("bios");
    assertThat(Files.isDirectory(directory.resolve("empty"))).isTrue();
    assertThat(written).hasSize(4);
    assertThat(directory.resolve("CAUHotfix_All").resolve("out.msu")).doesNotExist();
  }

  @Test
  void writeToRefusesAPathLeavingTheDirectory(@TempDir Path directory) {
    HotfixRootFolder escaping = HotfixRootFolder.at(ROOT).file("..\\..\\outside.txt", "x");

    assertThatThrownBy(() -> escaping.writeTo(directory.resolve("root")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leads outside the root folder");
    assertThat(directory.resolve("outside.txt")).doesNotExist();
  }

  @Test
  void anAbsoluteOrEmptyRelativePathIsRefused() {
    assertThatThrownBy(() -> HotfixRootFolder.at(ROOT).file("\\x.msu", "x"))
        .hasMessageContaining("must be a path relative to the root folder");
    assertThatThrownBy(() -> HotfixRootFolder.at(" ")).hasMessageContaining("must name a folder");
  }
}

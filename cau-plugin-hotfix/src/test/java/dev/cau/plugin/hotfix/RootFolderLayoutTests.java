package dev.cau.plugin.hotfix;

import static dev.cau.plugin.hotfix.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.testkit.cluster.HotfixRootFolder;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A root folder with files in every kind of place yields exactly the expected list for each node. */
class RootFolderLayoutTests {
  private final SimulatedCluster cluster = Fixtures.cluster("node1", "node2", "node3");

  private static final List<String> ALL = List.of(
      "CAUHotfix_All\\A.msu", "CAUHotfix_All\\b.MSI", "CAUHotfix_All\\c.msp", "CAUHotfix_All\\BIOS\\bios.exe");

  RootFolderLayoutTests() {
    Fixtures.root()
        .file("readme.txt", "not an update")
        .forAllNodes("c.msp", bytes("c"))
        .forAllNodes("A.msu", bytes("a"))
        .forAllNodes("b.MSI", bytes("b"))
        .forAllNodes("tool.exe", bytes("no extension rule"))
        .forAllNodes("notes.txt", bytes("no extension rule"))
        .forAllNodes("BIOS\\bios.exe", bytes("bios"))
        .forAllNodes("BIOS\\sub\\deeper.exe", bytes("below a rule folder"))
        .forAllNodes("Other\\y.msu", bytes("no folder rule"))
        .link("CAUHotfix_All\\link.msu", "\\\\evil\\share\\x.msu")
        .forAllNodes("..\\evil.msu", bytes("dot-dot folder"))
        .forAllNodes("d.msu.", bytes("trailing dot"))
        .forAllNodes("e.msu ", bytes("trailing space"))
        .forAllNodes("CON.msu", bytes("reserved"))
        .forAllNodes("e;f.msp", bytes("installer syntax"))
        .forAllNodes("%TEMP%.msu", bytes("installer syntax"))
        .forNode("NODE1", "n1.msu", bytes("n1"))
        .forNode("NODE1", "Drivers\\net.inf", bytes("driver"))
        .forNode("N\u041EDE2", "lookalike.msu", bytes("Cyrillic O"))
        .forNode("node2.", "dot.msu", bytes("trailing dot"))
        .forNode("node2 ", "space.msu", bytes("trailing space"))
        .forNode("node9", "z.msu", bytes("not in the cluster"))
        .forNode("\u212Aode2", "kelvin.msu", bytes("Kelvin sign"))
        .link("node3", "\\\\evil\\share\\node3")
        .link("CAUHotfix_All\\Drivers", "C:\\Windows")
        .plantOn(cluster);
  }

  private RootFolderLayout.Found scan(String node) {
    SimulatedNode simulated = cluster.node(node);
    HotfixShare share = HotfixShare.load(simulated.files(), Fixtures.context(simulated), Fixtures.arguments());
    return RootFolderLayout.scan(simulated.files(), Fixtures.context(simulated), Fixtures.arguments(), share.config(),
        node);
  }

  private List<String> files(String node) {
    return scan(node).files().stream().map(HotfixFile::relativePath).toList();
  }

  @Test
  void eachNodeGetsExactlyItsFilesInOrder() {
    Map<String, List<String>> expected = Map.of(
        "node1", concat(ALL, List.of("NODE1\\n1.msu", "NODE1\\Drivers\\net.inf")),
        "node2", ALL,
        "node3", ALL);

    expected.forEach((node, list) -> assertThat(files(node)).as(node).containsExactlyElementsOf(list));
  }

  @Test
  void eachFileCarriesItsRuleAndFullPath() {
    List<HotfixFile> found = scan("node1").files();

    assertThat(found).extracting(f -> f.rule().describe()).containsExactly(
        "<Extension name=\"MSU\">", "<Extension name=\"MSI\">", "<Extension name=\"MSP\">", "<Folder name=\"BIOS\">",
        "<Extension name=\"MSU\">", "<Folder name=\"Drivers\">");
    assertThat(found.get(0).fullPath()).isEqualTo(Fixtures.ROOT + "\\CAUHotfix_All\\A.msu");
    assertThat(found.get(0).size()).isEqualTo(1);
  }

  @Test
  void everythingElseIsIgnoredAndListedWithWhy() {
    List<String> ignored = scan("node2").ignored();

    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("readme.txt: neither CAUHotfix_All"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\tool.exe: no <Extension> rule"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\notes.txt: no <Extension> rule"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\Other: no <Folder> rule"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\BIOS\\sub: folders inside a rule's"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\link.msu: it is a link"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\Drivers: it is a link"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\..: \"..\" names"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\d.msu.: the name ends with a dot"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\e.msu : the name ends with a space"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\CON.msu: \"CON\" is a reserved"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\e;f.msp: refused: the name holds ';'"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("CAUHotfix_All\\%TEMP%.msu: refused"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("N\u041EDE2: neither"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("\u212Aode2: neither"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("node2.: the name ends with a dot"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("node2 : the name ends with a space"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("node9: neither CAUHotfix_All, this node's folder"
        + " node2"));
    assertThat(ignored).anySatisfy(i -> assertThat(i).startsWith("NODE1: neither"));
    assertThat(ignored).noneSatisfy(i -> assertThat(i).startsWith("DefaultHotfixConfig.xml"));
  }

  @Test
  void aLinkNamedAfterANodeIsNeverFollowed() {
    assertThat(scan("node3").ignored()).anySatisfy(i -> assertThat(i).startsWith("node3: it is a link"));
    assertThat(cluster.steps()).noneSatisfy(s -> assertThat(s.step()).contains("evil"));
  }

  @Test
  void aNodesFullyQualifiedNameFindsItsNetbiosFolder() {
    assertThat(RootFolderLayout.netbiosName("node1.contoso.com")).isEqualTo("node1");
    SimulatedCluster fqdn = Fixtures.cluster("node1.contoso.com");
    HotfixRootFolder.at(Fixtures.ROOT).configuration(Fixtures.CONFIG).forNode("NODE1", "n1.msu", bytes("n1"))
        .plantOn(fqdn);
    SimulatedNode node = fqdn.node("node1.contoso.com");

    RootFolderLayout.Found found = RootFolderLayout.scan(node.files(), Fixtures.context(node), Fixtures.arguments(),
        HotfixConfigReader.read("c", bytes(Fixtures.CONFIG)), node.name());

    assertThat(found.files()).extracting(HotfixFile::relativePath).containsExactly("NODE1\\n1.msu");
  }

  @Test
  void anEmptyRootFolderYieldsNothing() {
    SimulatedCluster empty = Fixtures.cluster("node1");
    Fixtures.root().plantOn(empty);
    SimulatedNode node = empty.node("node1");

    RootFolderLayout.Found found = RootFolderLayout.scan(node.files(), Fixtures.context(node), Fixtures.arguments(),
        HotfixConfigReader.read("c", bytes(Fixtures.CONFIG)), "node1");

    assertThat(found.files()).isEmpty();
    assertThat(found.ignored()).isEmpty();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}

package dev.cau.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The published modules and the BOM ({@code cau4j-bom}) stay in step (issue 17): a module is
 * published unless its pom sets {@code maven.deploy.skip}; every published module is in the BOM at
 * the build's version, and builds a sources and a Javadoc jar; the BOM manages nothing else and
 * has no parent, so importing it brings cau4j's versions and no one else's.
 */
class BomTests {
  private static final String GROUP_ID = "dev.cau";
  private static final String BOM = "cau4j-bom";

  @Test
  void theBomHasNoParentAndTheBuildsVersion() {
    Element bom = pom(BOM);

    assertThat(child(bom, "parent")).as("<parent> of %s", BOM).isNull();
    assertThat(text(bom, "groupId")).isEqualTo(GROUP_ID);
    assertThat(text(bom, "version")).as("version of %s", BOM).isEqualTo(buildVersion());
  }

  @Test
  void theBomManagesExactlyThePublishedModulesAtTheBuildsVersion() {
    List<String> managed = new ArrayList<>();
    Element dependencies = child(child(pom(BOM), "dependencyManagement"), "dependencies");
    for (Element dependency : children(dependencies, "dependency")) {
      assertThat(text(dependency, "groupId")).isEqualTo(GROUP_ID);
      assertThat(text(dependency, "version"))
          .as("version of %s in %s", text(dependency, "artifactId"), BOM)
          .isEqualTo(buildVersion());
      managed.add(text(dependency, "artifactId"));
    }

    assertThat(managed)
        .as("modules managed by %s (a module is published unless its pom sets maven.deploy.skip)", BOM)
        .containsExactlyInAnyOrderElementsOf(publishedJarModules());
  }

  @Test
  void theLibraryModulesArePublished() {
    assertThat(publishedJarModules())
        .contains("cau-api", "cau-core", "cau-testkit", "cau-testkit-junit")
        .doesNotContain("cau-architecture-tests", "cau-benchmarks", "cau-example-firmware-plugin");
  }

  @Test
  void everyPublishedModuleBuildsSourcesAndJavadocJars() {
    for (String module : publishedJarModules()) {
      Element plugins = child(child(pom(module), "build"), "plugins");
      Set<String> declared = new TreeSet<>();
      if (plugins != null) {
        children(plugins, "plugin").forEach(plugin -> declared.add(text(plugin, "artifactId")));
      }
      assertThat(declared)
          .as("plug-ins of published module %s (configured in the parent's pluginManagement)", module)
          .contains("maven-source-plugin", "maven-javadoc-plugin");
    }
  }

  private static Set<String> publishedJarModules() {
    Set<String> published = new TreeSet<>();
    for (Element module : children(child(pom("."), "modules"), "module")) {
      String name = module.getTextContent().strip();
      Element pom = pom(name);
      String packaging = text(pom, "packaging");
      Element properties = child(pom, "properties");
      boolean deploySkipped =
          properties != null && "true".equals(text(properties, "maven.deploy.skip"));
      if (!deploySkipped && (packaging == null || packaging.equals("jar"))) {
        published.add(name);
      }
    }
    return published;
  }

  private static String buildVersion() {
    return text(pom("."), "version");
  }

  /** Reads {@code <module>/pom.xml} of the repository this module is built in. */
  private static Element pom(String module) {
    Path file = repositoryRoot().resolve(module).resolve("pom.xml");
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(Files.newInputStream(file));
      return document.getDocumentElement();
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Surefire runs the tests in this module's directory, one level below the root pom. */
  private static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve(BOM).resolve("pom.xml")).as("the BOM beside this module").exists();
    return root;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().strip();
  }
}

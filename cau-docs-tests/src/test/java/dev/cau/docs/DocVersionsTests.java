package dev.cau.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs show cau4j's version one way (issue 17): the README's "Using cau4j" defines it once,
 * as the Maven property {@code cau4j.version} and the Gradle value {@code cau4jVersion}, at the
 * build's version; every other dependency snippet takes its version from the BOM or from
 * {@code ${cau4j.version}}; and the CI scratch project uses the same version.
 */
class DocVersionsTests {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern PROPERTY = Pattern.compile("<cau4j\\.version>([^<]+)</cau4j\\.version>");
  private static final Pattern GRADLE = Pattern.compile("val cau4jVersion = \"([^\"]+)\"");
  private static final Pattern VERSION_ELEMENT = Pattern.compile("<version>([^<]*)</version>");

  @Test
  void theReadmeDefinesTheVersionOnceForMavenAndOnceForGradleAtTheBuildsVersion() {
    String readme = read(ROOT.resolve("README.md"));

    assertThat(all(PROPERTY, readme)).as("<cau4j.version> in README.md").containsExactly(buildVersion());
    assertThat(all(GRADLE, readme)).as("val cau4jVersion in README.md").containsExactly(buildVersion());
  }

  @Test
  void everyVersionInADocsSnippetIsTheDefinedProperty() {
    List<String> others = new ArrayList<>();
    for (Path document : documents()) {
      for (String version : all(VERSION_ELEMENT, read(document))) {
        if (!version.equals("${cau4j.version}")) {
          others.add(ROOT.relativize(document) + ": <version>" + version + "</version>");
        }
      }
    }
    assertThat(others)
        .as("versions in the docs other than ${cau4j.version} (leave the version to the BOM)")
        .isEmpty();
  }

  @Test
  void theScratchProjectUsesTheBuildsVersion() {
    String pom = read(ROOT.resolve(".ci/scratch-project/pom.xml"));

    assertThat(all(PROPERTY, pom)).as("<cau4j.version> of .ci/scratch-project").containsExactly(buildVersion());
  }

  private static String buildVersion() {
    String pom = read(ROOT.resolve("pom.xml"));
    Matcher matcher = Pattern.compile("<artifactId>cau4j-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(matcher.find()).as("the parent pom's version").isTrue();
    return matcher.group(1);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static List<Path> documents() {
    List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

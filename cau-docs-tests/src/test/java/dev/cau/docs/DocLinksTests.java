package dev.cau.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Links between the documents, and the documents that code and messages point users to, exist:
 * a renamed page leaves no dangling link behind.
 */
class DocLinksTests {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  /** A relative Markdown link to a file, without its anchor: {@code [text](clusters.md#format)}. */
  private static final Pattern LINK = Pattern.compile("\\]\\((?!https?:|mailto:|#)([^)#\\s]+)(#[^)]*)?\\)");
  /** A page named in code or text: {@code docs/ssh.md}. */
  private static final Pattern DOC_NAME = Pattern.compile("docs/[a-z0-9-]+\\.md");

  @Test
  void theDocumentsTheIssuesNameExist() {
    assertThat(List.of("clusters.md", "ssh.md", "windows-update-plugin.md"))
        .allSatisfy(name -> assertThat(ROOT.resolve("docs").resolve(name)).isRegularFile());
    assertThat(ROOT.resolve("docs/ssh-transport.md")).as("renamed to docs/ssh.md").doesNotExist();
  }

  @Test
  void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
    List<String> dangling = new ArrayList<>();
    for (Path document : documents()) {
      Matcher link = LINK.matcher(Files.readString(document, UTF_8));
      while (link.find()) {
        if (!Files.exists(document.getParent().resolve(link.group(1)))) {
          dangling.add(ROOT.relativize(document) + ": " + link.group());
        }
      }
    }
    assertThat(dangling).isEmpty();
  }

  @Test
  void everyDocumentNamedInProductionSourcesOrDocsExists() throws IOException {
    List<Path> files = new ArrayList<>(documents());
    try (Stream<Path> tree = Files.walk(ROOT)) {
      tree.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !ROOT.relativize(file).toString().contains("target"))
          // Production code: messages and Javadoc that users read.
          .filter(file -> ROOT.relativize(file).toString().contains("src/main/"))
          .forEach(files::add);
    }
    List<String> missing = new ArrayList<>();
    for (Path file : files) {
      Matcher name = DOC_NAME.matcher(Files.readString(file, UTF_8));
      while (name.find()) {
        if (!Files.isRegularFile(ROOT.resolve(name.group()))) {
          missing.add(ROOT.relativize(file) + ": " + name.group());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }
}

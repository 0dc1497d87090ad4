package dev.cau.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the current modules, and
 * runs where its fixture makes it a test (issue 17: examples must not drift).
 *
 * <p>Each block has a fixture beside the docs, {@code docs/examples/<document>-<n>.java} (see
 * {@link DocExample#fixtureName()}): a compilation unit in the default package, with no public
 * top-level type, that holds the imports and the few declarations the block assumes, and one line
 * {@code // @example} where the block's text is put verbatim. The result is compiled on this
 * module's test class path; every JUnit test in it is then run and must pass. A compile error is
 * reported at its line in the document.
 */
class DocExamplesTests {
  /** The line of a fixture that the block's text replaces. */
  static final String MARKER = "// @example";

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path FIXTURES = ROOT.resolve("docs/examples");
  private static final Path OUTPUT = Path.of("target/doc-examples").toAbsolutePath();

  @TestFactory
  Stream<DynamicTest> everyJavaExampleCompilesAndItsTestsPass() {
    return examples().stream()
        .map(example -> DynamicTest.dynamicTest(example.toString(), () -> compileAndRun(example)));
  }

  @Test
  void theDocumentsHaveJavaExamples() {
    assertThat(examples()).as("java blocks in README.md and docs/*.md").hasSizeGreaterThan(10);
  }

  @Test
  void everyFixtureBelongsToAnExample() throws IOException {
    Set<String> expected =
        examples().stream().map(DocExample::fixtureName).collect(Collectors.toSet());
    Set<String> orphans = new TreeSet<>();
    try (Stream<Path> files = Files.list(FIXTURES)) {
      files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".java") && !expected.contains(name))
          .forEach(orphans::add);
    }
    assertThat(orphans)
        .as("fixtures in docs/examples whose example no longer exists (renumbered or removed?)")
        .isEmpty();
  }

  @Test
  void aCompileErrorIsReportedAtItsLineInTheDocument() {
    DocExample example = new DocExample("docs/sample.md", 1, 40, "int answer = \"forty-two\";\n");

    assertThatThrownBy(() -> check(example, List.of("class Sample {", "  void m() {", MARKER, "  }", "}")))
        .hasMessageContaining("docs/sample.md line 41: incompatible types");
  }

  @Test
  void aFailingExampleTestFails() {
    DocExample example = new DocExample("docs/sample.md", 2, 10,
        "@Test\nvoid fails() {\n  assertThat(1 + 1).isEqualTo(3);\n}\n");

    assertThatThrownBy(() -> check(example, List.of(
            "import static org.assertj.core.api.Assertions.assertThat;",
            "import org.junit.jupiter.api.Test;",
            "class FailingSample {", MARKER, "}")))
        .hasMessageContaining("failed tests and containers of docs/sample.md example 2")
        .hasMessageContaining("expected: 3");
  }

  @Test
  void anExampleTestThatItsFixtureDoesNotRunFails() {
    DocExample example = new DocExample("docs/sample.md", 3, 10, "@Test\nvoid neverRuns() {}\n");

    assertThatThrownBy(() -> check(example, List.of(
            "import org.junit.jupiter.api.Test;",
            "abstract class NotRunSample {", MARKER, "}")))
        .hasMessageContaining("tests of docs/sample.md example 3 (line 10) that ran");
  }

  private static void compileAndRun(DocExample example) throws IOException {
    Path fixture = FIXTURES.resolve(example.fixtureName());
    assertThat(fixture)
        .withFailMessage(
            "%s has no fixture: create docs/examples/%s, a Java file that declares what the"
                + " example assumes and has a line \"%s\" where the example goes",
            example, example.fixtureName(), MARKER)
        .exists();
    check(example, Files.readAllLines(fixture, UTF_8));
  }

  /** Puts the example into its fixture's lines, compiles the result and runs its tests. */
  static void check(DocExample example, List<String> fixtureLines) throws IOException {
    List<String> lines = new ArrayList<>(fixtureLines);
    List<Integer> markers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(MARKER)) {
        markers.add(i);
      }
    }
    assertThat(markers).as("lines \"%s\" in docs/examples/%s", MARKER, example.fixtureName()).hasSize(1);
    int markerLine = markers.get(0);
    lines.set(markerLine, example.code().stripTrailing());
    String source = String.join("\n", lines) + "\n";

    Path classes = OUTPUT.resolve(example.fixtureName().replace(".java", ""));
    deleteRecursively(classes); // a class left by an earlier version of the example must not run
    Path sourceFile = classes.resolve("src/Example.java");
    Files.createDirectories(sourceFile.getParent());
    Files.writeString(sourceFile, source, UTF_8);

    compile(example, sourceFile, classes.resolve("classes"), markerLine);
    runTests(example, classes.resolve("classes"));
  }

  private static void compile(DocExample example, Path source, Path classes, int markerLine)
      throws IOException {
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      List<String> options =
          List.of("-proc:none", "-classpath", testClassPath(), "-d", classes.toString());
      compiled =
          javac.getTask(new StringWriter(), files, diagnostics, options, null,
                  files.getJavaFileObjects(source))
              .call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(where(example, markerLine, (int) diagnostic.getLineNumber()) + ": "
            + diagnostic.getMessage(Locale.ROOT));
      }
    }
    assertThat(errors).as("compile errors of %s", example).isEmpty();
    assertThat(compiled).as("%s compiles", example).isTrue();
  }

  /** Maps a line of the generated source to the document, or to the fixture around the block. */
  private static String where(DocExample example, int markerLine, int generatedLine) {
    int codeLines = (int) example.code().stripTrailing().lines().count();
    int zeroBased = generatedLine - 1;
    if (zeroBased >= markerLine && zeroBased < markerLine + codeLines) {
      return example.document() + " line " + (example.line() + 1 + zeroBased - markerLine);
    }
    int fixtureLine = zeroBased < markerLine ? generatedLine : generatedLine - codeLines + 1;
    return "docs/examples/" + example.fixtureName() + " line " + fixtureLine;
  }

  private static void runTests(DocExample example, Path classes) throws IOException {
    List<ClassSelector> selectors = new ArrayList<>();
    URLClassLoader loader =
        new URLClassLoader(new URL[] {toUrl(classes)}, DocExamplesTests.class.getClassLoader());
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = classes.relativize(file).toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          selectors.add(selectClass(loadClass(loader, name.replace(".class", "").replace('/', '.'))));
        }
      }
    }
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectors.toArray(ClassSelector[]::new)).execute();
    assertThat(results.allEvents().failed().stream().map(event -> String.valueOf(event.getPayload())))
        .as("failed tests and containers of %s", example)
        .isEmpty();
    if (example.code().contains("@Test") || example.code().contains("@ScenarioTest")) {
      assertThat(results.testEvents().started().count())
          .as("tests of %s that ran (the example is a test, so its fixture must let it run)", example)
          .isPositive();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static Class<?> loadClass(ClassLoader loader, String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("compiled class " + name + " cannot be loaded", e);
    }
  }

  private static URL toUrl(Path directory) {
    try {
      return directory.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Surefire puts the test class path in this property; java.class.path may be its booter jar. */
  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static List<DocExample> examples() {
    List<String> documents = new ArrayList<>(List.of("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.map(path -> "docs/" + path.getFileName())
          .filter(name -> name.endsWith(".md"))
          .sorted()
          .forEach(documents::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents.stream()
        .flatMap(document -> DocExample.read(ROOT, document).stream())
        .collect(Collectors.toList());
  }
}

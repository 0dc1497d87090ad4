package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers in the repository's root: {@code cau} is run for real by {@code sh}, in a copy of
 * the repository's layout whose {@code mvnw} is a stand-in that prints what Maven prints and
 * produces a small jar, so that the build's progress, the staleness check, a failed build and
 * the hand-over to {@code java -jar} are all checked in seconds. {@code cau.cmd} cannot run here
 * (no Windows), so its content is checked: the same build, the same progress lines, the same exit
 * codes.
 */
class LauncherScriptsTests {
  private static final Path ROOT = Path.of("..");
  private static final String BUILD_OUTPUT = String.join("\n",
      "[INFO] Scanning for projects...",
      "[INFO] ------------------------------------------------------------------------",
      "[INFO] Reactor Build Order:",
      "[INFO] -------------------------< dev.cau:cau-api >--------------------------",
      "[INFO] Building cau-api 0.1.0-SNAPSHOT                                    [1/3]",
      "[INFO]   from cau-api/pom.xml",
      "[INFO] --- compiler:3.16.0:compile (default-compile) @ cau-api ---",
      "[INFO] Building cau-core 0.1.0-SNAPSHOT                                   [2/3]",
      "[INFO] Building cau-cli 0.1.0-SNAPSHOT                                    [3/3]",
      "[INFO] BUILD SUCCESS");

  /** A jar whose main class prints its arguments, the stand-in build's product. */
  @TempDir static Path tools;
  private static Path echoJar;

  @TempDir Path repository;

  @BeforeAll
  static void buildTheEchoJar() throws IOException, InterruptedException {
    assumeThat(Files.isExecutable(Path.of("/bin/sh"))).as("a POSIX shell to run ./cau with").isTrue();
    Path source = Files.writeString(tools.resolve("Echo.java"),
        "public class Echo { public static void main(String[] a) { System.out.println(\"echo \" + String.join(\"|\", a)); } }");
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    Path classes = Files.createDirectory(tools.resolve("classes"));
    run(List.of(bin.resolve("javac").toString(), "-d", classes.toString(), source.toString()), tools, Map.of());
    echoJar = tools.resolve("echo.jar");
    run(List.of(bin.resolve("jar").toString(), "--create", "--file", echoJar.toString(), "--main-class", "Echo",
        "-C", classes.toString(), "."), tools, Map.of());
  }

  @Test
  void aMissingJarIsBuiltWithALinePerModuleOnStandardErrorThenTheToolRuns() throws Exception {
    layout(0);

    Result result = cau(Map.of(), "run", "--report", "a b.html");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("echo run|--report|a b.html\n");
    assertThat(result.err().lines().toList()).containsExactly(
        "Building cau (first run, or the sources changed); one line per module:",
        "  [1/3] cau-api 0.1.0-SNAPSHOT",
        "  [2/3] cau-core 0.1.0-SNAPSHOT",
        "  [3/3] cau-cli 0.1.0-SNAPSHOT",
        "  built");
    assertThat(Files.readString(repository.resolve("mvnw.args")).strip())
        .isEqualTo("-B -ntp -DskipTests -pl cau-cli -am package");
  }

  @Test
  void anUpToDateJarRunsWithoutBuilding() throws Exception {
    layout(0);
    Path jar = Files.createDirectories(repository.resolve("cau-cli/target")).resolve("cau-cli.jar");
    Files.copy(echoJar, jar);
    Files.setLastModifiedTime(jar, FileTime.from(SOURCES_MODIFIED.plusSeconds(60)));

    Result result = cau(Map.of(), "status");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("echo status\n");
    assertThat(result.err()).isEmpty();
    assertThat(repository.resolve("mvnw.args")).doesNotExist();
  }

  @Test
  void aSourceNewerThanTheJarBuildsAgain() throws Exception {
    layout(0);
    Path jar = Files.createDirectories(repository.resolve("cau-cli/target")).resolve("cau-cli.jar");
    Files.copy(echoJar, jar);
    Files.setLastModifiedTime(jar, FileTime.from(SOURCES_MODIFIED.minusSeconds(3600)));

    Result result = cau(Map.of(), "status");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).startsWith("Building cau (first run, or the sources changed)");
    assertThat(repository.resolve("mvnw.args")).exists();
  }

  @Test
  void aFailedBuildShowsTheEndOfMavensOutputAndExitsWithItsCode() throws Exception {
    layout(3);

    Result result = cau(Map.of(), "run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("  [1/3] cau-api 0.1.0-SNAPSHOT")
        .contains("The build failed (exit code 3); the end of Maven's output:")
        .contains("[ERROR] COMPILATION ERROR")
        .doesNotContain("  built");
  }

  @Test
  void mavensWholeOutputCanBeAskedFor() throws Exception {
    layout(0);

    Result result = cau(Map.of("CAU_BUILD_OUTPUT", "maven"), "run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("echo run\n");
    assertThat(result.err()).startsWith("Building cau (first run, or the sources changed):\n")
        .contains("[INFO] Building cau-core 0.1.0-SNAPSHOT").contains("[INFO] BUILD SUCCESS");
  }

  @Test
  void theWindowsLauncherBuildsAndReportsTheSameWay() throws IOException {
    String cmd = Files.readString(ROOT.resolve("cau.cmd"), StandardCharsets.UTF_8);

    assertThat(cmd.split("\n")).as("cmd.exe needs CRLF line ends").allMatch(line -> line.isEmpty() || line.endsWith("\r"));
    assertThat(cmd).contains("mvnw.cmd') -B -ntp -DskipTests -pl cau-cli -am package",
        "call mvnw.cmd -B -ntp -DskipTests -pl cau-cli -am package 1>&2");
    assertThat(cmd).as("no quiet build: progress is shown").doesNotContain(" -q ");
    // A line per module, on standard error, in the POSIX launcher's words.
    assertThat(cmd).contains("'^\\[INFO\\] Building (.+?) +\\[(\\d+/\\d+)\\] *$'",
        "[Console]::Error.WriteLine('  [' + $Matches[2] + '] ' + $Matches[1])",
        "echo Building cau (first run, or the sources changed); one line per module: 1>&2");
    assertThat(cmd).contains("The build failed (exit code ' + $status + '); the end of Maven''s output:");
    // Exit codes travel: the build's on failure, the tool's otherwise; arguments pass unchanged.
    assertThat(cmd).contains("exit $status", "if not \"%CAU_STATUS%\"==\"0\" exit /b %CAU_STATUS%",
        "java -jar \"%CAU_JAR%\" %*", "exit /b %ERRORLEVEL%");
    // The directory reaches PowerShell as an environment variable, never inside its script text.
    assertThat(cmd).contains("$env:CAU_HOME", "$env:CAU_JAR", "Tee-Object -FilePath $log.FullName");
    assertThat(cmd.lines().filter(l -> l.contains("\"$") || l.startsWith("  \"")))
        .noneMatch(l -> l.contains("%~dp0") || l.contains("%CAU_HOME%"));
  }

  /** When the laid-out sources were last changed: fixed, so that a jar's age is set against it, not the clock. */
  private static final Instant SOURCES_MODIFIED = Instant.parse("2026-01-01T00:00:00Z");

  /** Lays out a repository copy with the real {@code cau} and a stand-in {@code mvnw} exiting with {@code exitCode}. */
  private void layout(int exitCode) throws IOException {
    Path script = Files.copy(ROOT.resolve("cau"), repository.resolve("cau"));
    script.toFile().setExecutable(true);
    Files.writeString(repository.resolve("pom.xml"), "<project/>");
    Files.createDirectories(repository.resolve(".mvn"));
    Path src = Files.createDirectories(repository.resolve("cau-cli/src/main/java"));
    Files.writeString(repository.resolve("cau-cli/pom.xml"), "<project/>");
    Files.writeString(src.resolve("Tool.java"), "class Tool {}");
    for (Path source : List.of(repository.resolve("pom.xml"), repository.resolve("cau-cli/pom.xml"), src.resolve("Tool.java"))) {
      Files.setLastModifiedTime(source, FileTime.from(SOURCES_MODIFIED));
    }
    String succeed = "mkdir -p cau-cli/target && cp '" + echoJar + "' cau-cli/target/cau-cli.jar\n";
    String fail = "echo '[ERROR] COMPILATION ERROR :'\necho '[ERROR] Tool.java:[1,1] cannot find symbol'\nexit "
        + exitCode + "\n";
    Path mvnw = Files.writeString(repository.resolve("mvnw"), "#!/bin/sh\n"
        + "echo \"$@\" > mvnw.args\n"
        + "cat <<'OUT'\n" + (exitCode == 0 ? BUILD_OUTPUT : BUILD_OUTPUT.lines().limit(7).reduce((a, b) -> a + "\n" + b).orElseThrow())
        + "\nOUT\n"
        + (exitCode == 0 ? succeed : fail));
    mvnw.toFile().setExecutable(true);
  }

  private Result cau(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/bin/sh", repository.resolve("cau").toString()));
    command.addAll(List.of(args));
    return run(command, repository, environment);
  }

  private static Result run(List<String> command, Path directory, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("CAU_BUILD_OUTPUT");
    // The launcher runs "java" from the PATH: the JDK running these tests.
    builder.environment().merge("PATH", Path.of(System.getProperty("java.home"), "bin").toString(),
        (path, jdk) -> jdk + java.io.File.pathSeparator + path);
    builder.environment().putAll(environment);
    Path out = Files.createTempFile(directory, "out", ".txt");
    Path err = Files.createTempFile(directory, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    int exitCode = builder.start().waitFor();
    Result result = new Result(exitCode, Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  private record Result(int exitCode, String out, String err) {}
}

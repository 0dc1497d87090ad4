package dev.cau.pacemaker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps the lab's {@code supervisor.log} and {@code events.log} of a failed lab test in the
 * module's {@code target/lab-runs/<TestClass>.<testMethod>/}, which CI keeps, before the lab is
 * restored or taken down (taking it down deletes its state directory).
 *
 * <p>A failure of the test method is kept straight after it, before {@code @AfterEach} restores
 * the lab, so the logs end where the test failed; a failure in {@code @BeforeEach} or
 * {@code @AfterEach} is kept when JUnit reports the test failed. Keeping the logs never fails or
 * hides the test's own failure: a problem copying them is printed. Public, and in this module's
 * test jar, for cau-cli's lab test.
 */
public final class LabLogsOnFailure implements AfterTestExecutionCallback, TestWatcher {
  /** The lab's logs worth keeping, in its state directory. */
  static final List<String> LOGS = List.of("supervisor.log", "events.log");

  private final Path state;
  private final Path runs;
  /** The tests whose logs are kept: a failed test is reported by both callbacks. */
  private final Set<String> keptTests = ConcurrentHashMap.newKeySet();

  /** Keeps the logs of the lab's state directory in {@code target/lab-runs} of the module under test. */
  public LabLogsOnFailure() {
    this(HaLab.STATE, Path.of("target", "lab-runs"));
  }

  LabLogsOnFailure(Path state, Path runs) {
    this.state = state;
    this.runs = runs;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      keepOnce(context);
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    keepOnce(context);
  }

  private void keepOnce(ExtensionContext context) {
    if (!keptTests.add(context.getUniqueId())) {
      return;
    }
    keepAndSay(state, runs.resolve(testName(context)), "the failed test");
  }

  /** Keeps the logs in the module's {@code target/lab-runs/<name>}; for a lab that failed to start. */
  static void keepAndSay(String name, String what) {
    keepAndSay(HaLab.STATE, Path.of("target", "lab-runs").resolve(name), what);
  }

  private static void keepAndSay(Path state, Path target, String what) {
    try {
      List<String> kept = keep(state, target);
      System.out.println(kept.isEmpty()
          ? "The lab had written none of " + LOGS + " to keep for " + what
          : "Kept the lab's " + String.join(" and ", kept) + " of " + what + " in " + target.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not keep the lab's logs of " + what + " in " + target.toAbsolutePath() + ": " + e);
    }
  }

  /** Names a test's folder {@code TestClass.testMethod}, with any invocation's display name for a repeated test. */
  static String testName(ExtensionContext context) {
    String name = context.getTestClass().map(Class::getSimpleName).orElse("lab")
        + context.getTestMethod().map(m -> "." + m.getName()).orElse("");
    Optional<ExtensionContext> parent = context.getParent();
    boolean invocation = parent.isPresent() && parent.get().getTestMethod().isPresent();
    return safe(invocation ? name + " " + context.getDisplayName() : name);
  }

  /** Keeps a file name to letters, digits and a few marks, so no display name leaves the folder. */
  static String safe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._\\[\\]=,+-]", "_").replace("..", "__");
    return safe.length() > 200 ? safe.substring(0, 200) : safe;
  }

  /**
   * Copies the lab's logs from its state directory into a folder, replacing copies of an earlier
   * run of the same test.
   *
   * @return the names of the logs copied; a log the lab has not written is left out
   */
  static List<String> keep(Path state, Path target) throws IOException {
    Files.createDirectories(target);
    List<String> kept = new ArrayList<>();
    for (String log : LOGS) {
      Path source = state.resolve(log);
      if (Files.isRegularFile(source)) {
        Files.copy(source, target.resolve(log), StandardCopyOption.REPLACE_EXISTING);
        kept.add(log);
      } else {
        Files.deleteIfExists(target.resolve(log));
      }
    }
    return kept;
  }
}

package dev.cau.pacemaker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LabCoordinator} JVM started in the lab's coordinator network namespace (the host's
 * network namespace has no lab address), with this test JVM's class path.
 */
final class LabCoordinatorProcess {
  final Process process;
  final Path log;

  private LabCoordinatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static LabCoordinatorProcess start(HaLab lab, String name, String mode, Path store, Duration rebootTimeout,
      List<String> order) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isEmpty()) {
      classPath = classPath + File.pathSeparator + modulePath;
    }
    List<String> command = new ArrayList<>(List.of(lab.script.toString(), "coord", java, "-Xmx256m",
        "-cp", classPath, LabCoordinator.class.getName(), mode, store.toString(),
        Long.toString(rebootTimeout.toSeconds()), String.join(",", order)));
    try {
      Path directory = Files.createDirectories(Path.of("target", "lab-runs"));
      Path log = directory.resolve(name + "-" + mode + ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new LabCoordinatorProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the coordinator to end and returns its exit code. */
  int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("The coordinator did not end within " + timeout + "; its output:\n" + output());
    }
    return process.exitValue();
  }

  String output() {
    try {
      return Files.readString(log, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the coordinator printed a line containing the text. */
  boolean awaitOutput(String text, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end && process.isAlive()) {
      if (output().contains(text)) {
        return true;
      }
      HaLab.pause(Duration.ofMillis(100));
    }
    return output().contains(text);
  }
}

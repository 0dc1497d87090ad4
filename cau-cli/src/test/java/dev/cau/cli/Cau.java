package dev.cau.cli;

import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/** Runs the {@code cau} command in-process with captured output, as the tests need it. */
final class Cau {
  /** What one execution of the command produced. */
  record Outcome(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  /** The first line of a command's output on the demo cluster. */
  static final String DEMO = "Demo: a simulated 4-node cluster \"demo-cluster\" in virtual time (no --cluster FILE given).";

  /**
   * A profile that names the in-memory plug-in, for runs on clusters a test builds: their nodes
   * have no Windows Update Agent for CAU's default plug-in.
   */
  static final String IN_MEMORY = java.nio.file.Path.of("src", "test", "resources", "in-memory.profile").toString();

  private Cau() {}

  static Outcome execute(String... args) {
    return execute(DemoCluster::create, args);
  }

  /**
   * Runs the command with clusters of the test's own.
   *
   * @param clusters builds a cluster whose simulator starts at the instant given
   * @param args the arguments
   * @return what the command did
   */
  static Outcome execute(Function<Instant, SimulatedCluster> clusters, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CauCommand.commandLine(clusters);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Outcome(exitCode, out.toString(), err.toString());
  }
}

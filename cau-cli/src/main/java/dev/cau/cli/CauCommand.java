package dev.cau.cli;

import dev.cau.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code cau} command, the entry point of the command line.
 *
 * <p>Its subcommands are named after CAU's cmdlets: {@code cau run} is {@code Invoke-CauRun},
 * {@code cau status} {@code Get-CauRun}, {@code cau report} {@code Get-CauReport} and
 * {@code cau export} {@code Export-CauReport}. Without a subcommand it prints its usage and exits
 * with 2.
 *
 * <pre>{@code
 * int exitCode = CauCommand.commandLine().execute("run", "--max-retries-per-node", "2");
 * }</pre>
 */
@Command(
    name = "cau",
    mixinStandardHelpOptions = true,
    versionProvider = CauCommand.VersionProvider.class,
    description = {
      "Cluster-Aware Updating for the JVM: updates the nodes of a failover cluster one"
          + " by one while the cluster keeps its roles running and its quorum.",
      "The commands that work on a cluster (run, scan, test-setup, status, plugins) take --cluster FILE,"
          + " a cluster file (docs/clusters.md) naming a real cluster (backend pacemaker, reached over SSH,"
          + " run in real time) or a simulated one of a described shape. Without it they work on the built-in"
          + " simulated demo cluster, in virtual time, and say so in their first line."
    },
    subcommands = {
      RunCommand.class, ScanCommand.class, TestSetupCommand.class, PluginsCommand.class, StatusCommand.class,
      UpgradeCommand.class,
      ReportCommand.class, ExportCommand.class, HelpCommand.class
    })
public final class CauCommand implements Callable<Integer> {
  @Spec
  private @Nullable CommandSpec spec;

  private CauCommand() {}

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Returns the {@code cau} command line, ready to {@link CommandLine#execute execute}; its
   * output and error writers can be replaced first.
   *
   * @return a new command line whose {@code run} and {@code status} use the built-in demo cluster
   */
  public static CommandLine commandLine() {
    return commandLine(DemoCluster::create);
  }

  /**
   * Returns the {@code cau} command line whose {@code run} and {@code status} use clusters of one's
   * own.
   *
   * @param clusters builds a fresh simulated cluster for each command, whose virtual time starts
   *     at the instant given
   * @return a new command line
   */
  static CommandLine commandLine(Function<Instant, SimulatedCluster> clusters) {
    return commandLine(clusters, new SystemWatchClock());
  }

  /**
   * Returns the {@code cau} command line whose {@code run} and {@code status} use clusters of one's
   * own, and whose {@code status --watch} of a real cluster passes in a time of one's own.
   *
   * @param clusters builds a fresh simulated cluster for each command, whose virtual time starts
   *     at the instant given
   * @param watchClock the time a watch of a real cluster's run passes in
   * @return a new command line
   */
  static CommandLine commandLine(Function<Instant, SimulatedCluster> clusters, WatchClock watchClock) {
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(watchClock, "watchClock");
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == RunCommand.class) {
          return type.cast(new RunCommand(clusters));
        } else if (type == ScanCommand.class) {
          return type.cast(new ScanCommand(clusters));
        } else if (type == TestSetupCommand.class) {
          return type.cast(new TestSetupCommand(clusters));
        } else if (type == PluginsCommand.class) {
          return type.cast(new PluginsCommand(clusters));
        } else if (type == StatusCommand.class) {
          return type.cast(new StatusCommand(clusters, watchClock));
        } else if (type == RunCommand.FailbackModeConverter.class) {
          return type.cast(new RunCommand.FailbackModeConverter());
        } else if (type == VersionProvider.class) {
          return type.cast(new VersionProvider());
        }
        return fallback.create(type);
      }
    };
    return new CommandLine(new CauCommand(), factory)
        .setParameterExceptionHandler(CauCommand::shortUsageError);
  }

  /** Reports a usage error in two lines instead of the whole help, and exits with 2. */
  private static int shortUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String command = commandLine.getCommandSpec().qualifiedName();
    err.println(command + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("See '" + command + " --help'.");
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public Integer call() {
    CommandLine commandLine = Objects.requireNonNull(spec, "picocli injects the command spec").commandLine();
    commandLine.getErr().println("cau: a command is required.");
    commandLine.usage(commandLine.getErr());
    commandLine.getErr().flush();
    return ExitCode.USAGE;
  }

  /** Reads the version the build wrote into {@code version.properties}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = CauCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the version of cau", e);
      }
      return new String[] {"cau (cau4j) " + properties.getProperty("version", "unknown")};
    }
  }
}

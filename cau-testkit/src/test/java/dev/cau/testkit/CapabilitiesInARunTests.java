package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.event.OperationMessage;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.cluster.SimulatedProgram;
import dev.cau.testkit.cluster.StepRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plug-in that works through the standard {@link ProgramRunner} capability, in a simulated
 * rolling run: its program's lines reach the run's events, and a node that does not offer the
 * capability fails naming it.
 */
class CapabilitiesInARunTests {
  private static final String NAME = "Test.PackagePlugin";

  /** Scans with {@code checkupdates} (one package per line) and installs with {@code installer <package>}. */
  private static final class PackagePlugin implements UpdatePlugin {
    @Override
    public List<Update> scan(PluginContext context) {
      ProgramResult result = context.require(ProgramRunner.class)
          .run(ProgramRequest.program("/usr/bin/checkupdates", List.of()), context);
      return result.stdout().lines().map(id -> new Update(id, "Package " + id, "")).toList();
    }

    @Override
    public List<InstallResult> install(PluginContext context, List<Update> updates) {
      ProgramRunner runner = context.require(ProgramRunner.class);
      List<InstallResult> results = new ArrayList<>();
      for (Update update : updates) {
        ProgramResult result = runner.run(ProgramRequest.program("installer", List.of(update.id())), context);
        results.add(result.succeeded() ? InstallResult.succeeded(update, false, context.clock().instant())
            : InstallResult.failed(update, result.signedExitCode(), context.clock().instant()));
      }
      return results;
    }
  }

  private static final UpdatePluginProvider PROVIDER = new UpdatePluginProvider() {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      return new PackagePlugin();
    }
  };

  private final SimulatedCluster cluster = SimulatedCluster.builder("linux").node("n1").node("n2").node("n3").build();

  CapabilitiesInARunTests() {
    for (SimulatedNode node : cluster.nodes()) {
      List<String> installed = new ArrayList<>();
      node.programs()
          .define("checkupdates", (request, run) -> {
            run.take(Duration.ofSeconds(20));
            if (!installed.contains("openssl")) {
              run.line("openssl");
            }
            return run.exit(0);
          })
          .define("installer", (request, run) -> {
            run.take(Duration.ofMinutes(1));
            installed.add(request.arguments().get(0));
            run.line("installed " + request.arguments().get(0));
            return run.exit(0);
          });
    }
  }

  @Test
  void aPluginRunsProgramsOnEachNodeAndTheirLinesReachTheRunsEvents() {
    SimulationResult outcome = Simulation.run(cluster, RunOptions.builder().plugin(NAME).build(), List.of(PROVIDER));

    assertThat(outcome.result().status()).as(outcome.result().toString()).isEqualTo(SummaryStatus.SUCCEEDED);
    for (SimulatedNode node : cluster.nodes()) {
      assertThat(node.programs().executed()).extracting(ProgramRequest::program)
          .contains("/usr/bin/checkupdates", "installer");
      assertThat(outcome.events()).filteredOn(OperationMessage.class::isInstance).map(OperationMessage.class::cast)
          .filteredOn(m -> m.node().equals(node.name())).extracting(OperationMessage::message)
          .contains("openssl", "installed openssl");
    }
    assertThat(outcome.steps()).extracting(StepRecord::step).contains("program installer (1 argument)")
        .noneMatch(step -> step.contains("openssl"));
  }

  @Test
  void aNodeThatDoesNotOfferTheRunnerFailsNamingTheNodeAndTheCapability() {
    cluster.node("n2").withdraw(ProgramRunner.class);

    SimulationResult outcome = Simulation.run(cluster, RunOptions.builder().plugin(NAME).build(), List.of(PROVIDER));

    NodeResult n2 = outcome.result().nodeResult("n2").orElseThrow();
    assertThat(n2.status()).as(outcome.result().toString()).isEqualTo(SummaryStatus.FAILED);
    assertThat(String.valueOf(n2.reason())).contains("\"n2\"").contains("ProgramRunner");
    assertThat(outcome.result().nodeResult("n1").orElseThrow().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(cluster.node("n2").programs().executed()).isEmpty();
  }

  @Test
  void aProgramThatOutlivesItsTimeoutFailsTheNode() {
    cluster.node("n1").programs().define("installer", (request, run) -> {
      run.take(Duration.ofHours(2)); // the default timeout is 30 minutes
      return run.exit(0);
    });
    cluster.node("n1").programs().define("never-used", SimulatedProgram.exitingWith(0));

    SimulationResult outcome = Simulation.run(cluster, RunOptions.builder().plugin(NAME).build(), List.of(PROVIDER));

    assertThat(outcome.result().nodeResult("n1").orElseThrow().status()).isEqualTo(SummaryStatus.FAILED);
    assertThat(outcome.steps()).extracting(StepRecord::node, StepRecord::step)
        .contains(org.assertj.core.groups.Tuple.tuple("n1", "program installer killed (timeout)"));
  }
}

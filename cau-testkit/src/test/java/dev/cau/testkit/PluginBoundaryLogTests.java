package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cau.api.plugin.Update;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.lock.CoordinatorIdentity;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.scan.ScanReport;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A secret plug-in argument's value, put by a plug-in into everything it hands the engine (its
 * factory's exception, update titles and descriptions, install and scan failures with causes and
 * suppressed exceptions, a program's output lines), reaches no log record: not its message, not
 * its arguments, not its throwable's stack trace. The records still say what happened. What is
 * logged is captured by {@link CapturingLogProvider}, this module's test binding of slf4j.
 */
class PluginBoundaryLogTests {
  private static final String SECRET = "hunter2-s3cret";
  private static final String MASK = "********";

  @BeforeEach
  void captureLogs() {
    CapturingLogProvider.start();
  }

  @AfterEach
  void stopCapturing() {
    CapturingLogProvider.stop();
  }

  @Test
  void theTestBindingIsTheOneSlf4jUses() {
    org.slf4j.LoggerFactory.getLogger(PluginBoundaryLogTests.class).info("probe {}", 42);

    assertThat(CapturingLogProvider.records()).anySatisfy(r -> assertThat(r).contains("probe 42"));
  }

  @Test
  void aFactoryFailureLogsNoSecret() {
    Throwable thrown = catchThrowable(() -> run(cluster(), "failCreate"));

    assertThat(thrown).hasMessageContaining("could not be created").hasMessageContaining(MASK);
    assertNoRecordHoldsTheSecret();
  }

  @Test
  void aRunWhoseTitlesAndDescriptionsHoldTheSecretLogsNoSecret() {
    SimulationResult outcome = run(cluster(), "fine");

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(CapturingLogProvider.records()).anySatisfy(r -> assertThat(r).contains("ended Succeeded"));
    assertNoRecordHoldsTheSecret();
  }

  @Test
  void anInstallFailureIsLoggedMaskedWithoutItsCauses() {
    run(cluster(), "failInstall");

    assertThat(CapturingLogProvider.records()).anySatisfy(r -> assertThat(r)
        .contains("InstallUpdates on node \"n1\" failed: install with password " + MASK + " failed"));
    assertNoRecordHoldsTheSecret();
  }

  @Test
  void aScanExceptionWithTheSecretInItsCauseIsLoggedWithoutIt() {
    run(cluster(), "failScan");

    assertThat(CapturingLogProvider.records()).anySatisfy(r -> assertThat(r)
        .contains("ScanUpdates on node \"n1\" failed: the update share refused the login"));
    assertNoRecordHoldsTheSecret();
  }

  @Test
  void aProgramsOutputLinesAreLoggedMasked() {
    run(cluster(), "program");

    assertThat(CapturingLogProvider.records())
        .anySatisfy(r -> assertThat(r).contains("[n1] logging in as admin:" + MASK))
        .anySatisfy(r -> assertThat(r).contains("[n1] W: password " + MASK + " expires soon"));
    assertNoRecordHoldsTheSecret();
  }

  @Test
  void aScanPreviewMasksTitlesOutputAndFailures() {
    SimulatedCluster cluster = cluster();
    SimulatedCoordinator coordinator = SimulatedCoordinator.builder(cluster, CoordinatorIdentity.remote("admin", "ws-1"))
        .plugins(List.of(new SecretEchoingPlugin())).build();

    ScanReport fine = scan(cluster, coordinator, "program");
    ScanReport failed = scan(cluster, coordinator, "failScan");

    assertThat(fine.nodes()).allSatisfy(n -> assertThat(n.updates()).singleElement()
        .satisfies(u -> assertThat(u.title()).isEqualTo("Update for " + MASK))
        .satisfies(u -> assertThat(u.description()).isEqualTo("Uses " + MASK)));
    assertThat(fine.toString()).doesNotContain(SECRET);
    assertThat(failed.toString()).doesNotContain(SECRET).contains("the update share refused the login");
    assertThat(CapturingLogProvider.records())
        .anySatisfy(r -> assertThat(r).contains("[n1] logging in as admin:" + MASK))
        .anySatisfy(r -> assertThat(r).contains("could not scan node \"n1\": the update share refused the login"));
    assertNoRecordHoldsTheSecret();
  }

  private static ScanReport scan(SimulatedCluster cluster, SimulatedCoordinator coordinator, String mode) {
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection(SecretEchoingPlugin.NAME, Map.of("Password", SECRET, "Mode", mode))).build();
    CompletableFuture<ScanReport> report = coordinator.coordinator().scan(options, 2);
    cluster.simulator().runUntil(report::isDone);
    return report.join();
  }

  private static SimulatedCluster cluster() {
    SimulatedCluster cluster = Clusters.cluster(3, true).build();
    for (SimulatedNode node : cluster.nodes()) {
      node.programs().define("sign-in", (request, run) -> {
        run.line("logging in as admin:" + request.arguments().get(0));
        run.errorLine("W: password " + request.arguments().get(0) + " expires soon");
        return run.exit(0);
      });
    }
    return cluster;
  }

  private static SimulationResult run(SimulatedCluster cluster, String mode) {
    return Simulation.run(cluster,
        Simulation.options().plugin(new PluginSelection(SecretEchoingPlugin.NAME, Map.of("Password", SECRET, "Mode", mode)))
            .build(),
        List.of(new SecretEchoingPlugin()));
  }

  private static void assertNoRecordHoldsTheSecret() {
    List<String> records = CapturingLogProvider.records();
    assertThat(records).isNotEmpty();
    assertThat(records).allSatisfy(r -> assertThat(r).doesNotContain(SECRET));
  }
}

package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cau.api.plugin.Update;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.report.ReportExporter;
import dev.cau.core.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A secret plug-in argument's value, put by a plug-in into what crosses the plug-in boundary (its
 * factory's exception, its updates' titles and descriptions), reaches no event, journal record,
 * result, report or export, and no exception the caller sees.
 */
class PluginBoundarySecretTests {
  private static final String SECRET = "hunter2-s3cret";

  @Test
  void aFactoryExceptionWithTheSecretIsMaskedAndLosesItsCause() {
    Throwable thrown = catchThrowable(() -> Simulation.run(Clusters.cluster(3, true).build(),
        Simulation.options().plugin(new PluginSelection(SecretEchoingPlugin.NAME, Map.of("Password", SECRET, "Mode", "failCreate")))
            .build(),
        List.of(new SecretEchoingPlugin())));

    assertThat(thrown).isNotNull();
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(SECRET).contains("********")
        .contains("Plug-in \"" + SecretEchoingPlugin.NAME + "\" could not be created: java.lang.IllegalStateException: cannot log"
            + " in to the update share with ********; caused by java.lang.IllegalArgumentException: password ******** refused");
  }

  @Test
  void aFactoryExceptionWithoutTheSecretPassesAsItIs() {
    Throwable thrown = catchThrowable(() -> Simulation.run(Clusters.cluster(3, true).build(),
        Simulation.options().plugin(new PluginSelection(SecretEchoingPlugin.NAME, Map.of("Password", SECRET, "Mode", "plain")))
            .build(),
        List.of(new SecretEchoingPlugin())));

    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("Mode must be one of " + SecretEchoingPlugin.MODES + ", but was \"plain\"");
  }

  @Test
  void updateTitlesAndDescriptionsWithTheSecretAreMaskedEverywhere() throws IOException {
    SimulationResult outcome = Simulation.run(Clusters.cluster(3, true).build(),
        Simulation.options().plugin(new PluginSelection(SecretEchoingPlugin.NAME, Map.of("Password", SECRET))).build(),
        List.of(new SecretEchoingPlugin()));

    assertThat(outcome.result().status()).isEqualTo(SummaryStatus.SUCCEEDED);
    assertThat(outcome.result().nodeResults()).allSatisfy(n -> assertThat(n.installResults())
        .anySatisfy(r -> assertThat(r.update().title()).isEqualTo("Update for ********")));
    assertThat(outcome.events().toString()).doesNotContain(SECRET).contains("Update for ********");
    assertThat(outcome.journal().toString()).doesNotContain(SECRET);
    assertThat(outcome.result().toString()).doesNotContain(SECRET).contains("Update for ********");
    for (ReportFormat format : ReportFormat.values()) {
      StringWriter export = new StringWriter();
      ReportExporter.write(format, List.of(outcome.result()), ZoneOffset.UTC, export);
      assertThat(export.toString()).as("the %s export", format).doesNotContain(SECRET);
    }
  }
}

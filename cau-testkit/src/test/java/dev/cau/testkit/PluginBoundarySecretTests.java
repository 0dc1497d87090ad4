package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.report.ReportExporter;
import dev.cau.core.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Simulation.options().plugin(new PluginSelection(SecretPlugin.NAME, Map.of("Password", SECRET, "FailCreate", "true")))
            .build(),
        List.of(new SecretPlugin())));

    assertThat(thrown).isNotNull();
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(SECRET).contains("********")
        .contains("Plug-in \"" + SecretPlugin.NAME + "\" could not be created: java.lang.IllegalStateException: cannot log"
            + " in to the update share; caused by java.lang.IllegalArgumentException: password ******** refused");
  }

  @Test
  void aFactoryExceptionWithoutTheSecretPassesAsItIs() {
    Throwable thrown = catchThrowable(() -> Simulation.run(Clusters.cluster(3, true).build(),
        Simulation.options().plugin(new PluginSelection(SecretPlugin.NAME, Map.of("Password", SECRET, "FailCreate", "plain")))
            .build(),
        List.of(new SecretPlugin())));

    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("FailCreate must be true or false");
  }

  @Test
  void updateTitlesAndDescriptionsWithTheSecretAreMaskedEverywhere() throws IOException {
    SimulationResult outcome = Simulation.run(Clusters.cluster(3, true).build(),
        Simulation.options().plugin(new PluginSelection(SecretPlugin.NAME, Map.of("Password", SECRET))).build(),
        List.of(new SecretPlugin()));

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

  /** A plug-in that puts its secret argument into what it gives back. */
  static final class SecretPlugin implements UpdatePluginProvider, UpdatePlugin {
    static final String NAME = "Test.SecretPlugin";
    private String password = "";
    private final Set<String> installed = new HashSet<>();

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<PluginArgument> arguments() {
      return List.of(
          new PluginArgument("Password", PluginArgument.ArgumentType.STRING, null, true, true, "a secret"),
          new PluginArgument("FailCreate", PluginArgument.ArgumentType.STRING, "false", false, false, "fail in create"));
    }

    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      password = arguments.get("Password").orElseThrow();
      String fail = arguments.get("FailCreate").orElse("false");
      if (fail.equals("true")) {
        throw new IllegalStateException("cannot log in to the update share",
            new IllegalArgumentException("password " + password + " refused"));
      }
      if (!fail.equals("false")) {
        throw new IllegalArgumentException("FailCreate must be true or false");
      }
      return this;
    }

    @Override
    public List<Update> scan(PluginContext context) {
      return installed.contains(context.nodeName())
          ? List.of()
          : List.of(new Update("KB-1", "Update for " + password, "Uses " + password));
    }


    @Override
    public List<InstallResult> install(PluginContext context, List<Update> updates) {
      installed.add(context.nodeName());
      return updates.stream()
          .map(u -> new InstallResult(new Update(u.id(), "Update for " + password, "Uses " + password),
              UpdateResultCode.SUCCEEDED, 0, false, context.clock().instant(), null))
          .toList();
    }
  }
}

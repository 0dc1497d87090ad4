package dev.cau.testkit.conformance;

import static dev.cau.testkit.conformance.ConformanceCheck.CANCELLATION;
import static dev.cau.testkit.conformance.ConformanceCheck.INFRASTRUCTURE_FAILURE;
import static dev.cau.testkit.conformance.ConformanceCheck.ONE_RESULT_PER_UPDATE;
import static dev.cau.testkit.conformance.ConformanceCheck.REPEATABLE_SCAN;
import static dev.cau.testkit.conformance.ConformanceCheck.RESCAN_AFTER_INSTALL;
import static dev.cau.testkit.conformance.ConformanceCheck.SECRETS_NEVER_SHOWN;
import static dev.cau.testkit.conformance.ConformanceCheck.STABLE_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.OperationCanceledException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.testkit.conformance.ConformanceFinding.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conformance kit itself: what it checks, what it says, and how it is configured. */
class PluginConformanceTests {
  private static final String SECRET = "hunter2-shelf-secret";
  private static final Map<String, String> ARGUMENTS = Map.of("password", SECRET);

  @Test
  void aWellBehavedPluginPassesEveryCheck() {
    ConformanceReport report = kit(ShelfPlugin.provider()).assertConforms();

    assertThat(report.findings())
        .extracting(ConformanceFinding::outcome)
        .containsOnly(Outcome.PASSED);
    assertThat(report.plugin()).startsWith("\"Test.ShelfPlugin\" (");
    assertThat(report.finding(RESCAN_AFTER_INSTALL).message()).isEqualTo(
        "the scan converged after 2 install passes: pass 1 installed \"a\", \"b\"; pass 2"
            + " installed \"c\"; then the re-scan reported nothing new to install");
    assertThat(report.finding(CANCELLATION).message()).isEqualTo(
        "with cancellation requested before install, install reported all 2 updates CANCELED,"
            + " and a re-scan still reported all of them");
  }

  @Test
  void checksThatNeedUpdatesOrAFailingNodeDoNotRunWithoutThem() {
    ConformanceReport report = PluginConformance.of(ShelfPlugin.provider())
        .arguments(ARGUMENTS)
        .node(() -> ConformanceNode.of(Shelf.of()))
        .check();

    assertThat(report.conforms()).isTrue();
    assertThat(report.findings())
        .filteredOn(f -> f.outcome() == Outcome.NOT_RUN)
        .extracting(ConformanceFinding::check, ConformanceFinding::message)
        .containsExactly(
            tuple(REPEATABLE_SCAN, "the scan of a fresh node reported no updates, so there was"
                + " nothing to compare; give node(...) a node with applicable updates"),
            tuple(ONE_RESULT_PER_UPDATE, "the scan of a fresh node reported no updates, so there"
                + " was nothing to install; give node(...) a node with applicable updates"),
            tuple(RESCAN_AFTER_INSTALL, "the scan of a fresh node reported no updates, so there"
                + " was nothing to install; give node(...) a node with applicable updates"),
            tuple(CANCELLATION, "the scan of a fresh node reported no updates, so there was"
                + " nothing to cancel; give node(...) a node with applicable updates"),
            tuple(INFRASTRUCTURE_FAILURE, "no failing node was given: give failingNode(...) a"
                + " node whose infrastructure fails, such as an agent that does not answer, to"
                + " check that the plug-in then throws PluginFailureException"));
  }

  @Test
  void aScanThatNeverConvergesFailsAtTheBound() {
    ConformanceReport report = PluginConformance.of(ShelfPlugin.provider())
        .arguments(ARGUMENTS)
        .node(() -> ConformanceNode.of(Shelf.of("x").endless()))
        .maxInstallPasses(2)
        .check();

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(RESCAN_AFTER_INSTALL);
    assertThat(report.finding(RESCAN_AFTER_INSTALL).message()).isEqualTo(
        "after 2 install passes (the bound), the re-scan still reported updates to install:"
            + " \"x++\" (pass 1 installed \"x\"; pass 2 installed \"x+\"); either the plug-in"
            + " keeps reporting updates that never stay installed, or its chain of updates that"
            + " only apply after others is longer than the bound: raise it with"
            + " maxInstallPasses(int)");
  }

  @Test
  void theNodeRestartsWhenAResultAsksForIt() {
    List<String> restarts = new ArrayList<>();
    UpdatePluginProvider provider = ShelfPlugin.provider(real -> new ShelfPlugin.Delegating(real) {
      @Override
      public List<InstallResult> install(PluginContext context, List<Update> updates) {
        return delegate.install(context, updates).stream()
            .map(r -> InstallResult.succeeded(r.update(), true, r.timestamp()))
            .toList();
      }
    });

    ConformanceReport report = PluginConformance.of(provider)
        .arguments(ARGUMENTS)
        .node(() -> ConformanceNode.of(Shelf.of("a").after("c", "a"))
            .onRestart(() -> restarts.add("restart")))
        .check();

    assertThat(report.finding(RESCAN_AFTER_INSTALL).message()).isEqualTo(
        "the scan converged after 2 install passes: pass 1 installed \"a\" and restarted the"
            + " node; pass 2 installed \"c\" and restarted the node; then the re-scan reported"
            + " nothing new to install");
    assertThat(restarts).hasSize(2);
  }

  @Test
  void aScanThatChangesTheNodeFailsTheRepeatableScanCheck() {
    UpdatePluginProvider provider = ShelfPlugin.provider(real -> new ShelfPlugin.Delegating(real) {
      @Override
      public List<Update> scan(PluginContext context) {
        List<Update> found = delegate.scan(context);
        found.stream().findFirst().ifPresent(u -> ShelfPlugin.shelf(context).install(u.id()));
        return found;
      }
    });

    ConformanceReport report = kit(provider).check();

    assertThat(report.finding(REPEATABLE_SCAN).message()).isEqualTo(
        "two scans of a fresh node differ: the first reported \"a\", \"b\", the second \"b\","
            + " \"c\"; scanning must not change the node");
  }

  @Test
  void missingDuplicateAndForeignResultsAreNamed() {
    UpdatePluginProvider provider = ShelfPlugin.provider(real -> new ShelfPlugin.Delegating(real) {
      @Override
      public List<InstallResult> install(PluginContext context, List<Update> updates) {
        List<InstallResult> results = new ArrayList<>(delegate.install(context, updates));
        InstallResult first = results.remove(0);
        results.add(first.update().id().equals("a") ? results.get(0) : first);
        results.add(InstallResult.failed(Update.of("zz", "not given"), 1, first.timestamp()));
        return results;
      }
    });

    ConformanceReport report = kit(provider).check();

    assertThat(report.finding(ONE_RESULT_PER_UPDATE).message()).isEqualTo("""
        install returned no result for update "a"; return one for every update given
          install returned 2 results for update "b"; return exactly one
          install returned a result for update "zz", which it was not given""");
  }

  @Test
  void throwingOperationCanceledExceptionHonoursCancellation() {
    UpdatePluginProvider provider = ShelfPlugin.provider(real -> new ShelfPlugin.Delegating(real) {
      @Override
      public List<InstallResult> install(PluginContext context, List<Update> updates) {
        context.cancellation().throwIfCancellationRequested();
        return delegate.install(context, updates);
      }
    });

    ConformanceReport report = kit(provider).check();

    assertThat(report.finding(CANCELLATION).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(report.finding(CANCELLATION).message()).isEqualTo(
        "with cancellation requested before install, install threw OperationCanceledException"
            + " (\"The updating run was canceled\"), and a re-scan still reported all of them");
  }

  @Test
  void hidingAFailingInfrastructureFailsTheInfrastructureCheck() {
    UpdatePluginProvider provider = ShelfPlugin.provider(real -> new ShelfPlugin.Delegating(real) {
      @Override
      public List<Update> scan(PluginContext context) {
        try {
          return delegate.scan(context);
        } catch (PluginFailureException e) {
          return List.of();
        }
      }
    });

    ConformanceReport report = kit(provider).check();

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(INFRASTRUCTURE_FAILURE);
    assertThat(report.finding(INFRASTRUCTURE_FAILURE).message()).isEqualTo(
        "on the failing node, scan reported no updates instead of throwing"
            + " PluginFailureException; a failing infrastructure must not look like a node with"
            + " nothing to install");
  }

  @Test
  void aSecretInAnExceptionMessageIsFoundAndMaskedInTheReport() {
    UpdatePluginProvider provider = ShelfPlugin.provider(real -> new ShelfPlugin.Delegating(real) {
      @Override
      public List<Update> scan(PluginContext context) {
        try {
          return delegate.scan(context);
        } catch (PluginFailureException e) {
          String password =
              ((ShelfPlugin) delegate).arguments.get(ShelfPlugin.PASSWORD).orElse("");
          throw new PluginFailureException("ShelfOffline", "Login with " + password + " failed");
        }
      }
    });

    ConformanceReport report = kit(provider).check();

    assertThat(report.failures()).extracting(ConformanceFinding::check)
        .containsExactly(SECRETS_NEVER_SHOWN);
    assertThat(report.finding(SECRETS_NEVER_SHOWN).message()).isEqualTo(
        "the value of secret argument \"Password\" appears in the exception scan threw:"
            + " \"dev.cau.api.PluginFailureException: Login with ******** failed\"");
    assertThat(report.finding(INFRASTRUCTURE_FAILURE).message()).isEqualTo(
        "on the failing node, scan threw PluginFailureException \"ShelfOffline\" (\"Login with"
            + " ******** failed\")");
    assertThat(report.toString()).doesNotContain(SECRET);
  }

  @Test
  void aSecretArgumentWithoutAValueLeavesTheSecretsCheckNotRun() {
    ConformanceReport report = PluginConformance.of(ShelfPlugin.provider())
        .node(PluginConformanceTests::twoPasses)
        .check();

    assertThat(report.finding(SECRETS_NEVER_SHOWN)).isEqualTo(new ConformanceFinding(
        SECRETS_NEVER_SHOWN, Outcome.NOT_RUN, "secret argument \"Password\" got no value; give"
            + " it a value in arguments(...) so that the kit can look for it"));
  }

  @Test
  void aScanThatReturnsNullIsNamed() {
    UpdatePluginProvider provider = ShelfPlugin.provider(real -> new ShelfPlugin.Delegating(real) {
      @Override
      public List<Update> scan(PluginContext context) {
        return null;
      }
    });

    ConformanceReport report = kit(provider).check();

    assertThat(report.finding(REPEATABLE_SCAN).message())
        .isEqualTo("scan returned null; return an empty list when no update applies");
  }

  @Test
  void assertConformsListsEveryFailedCheck() {
    UpdatePluginProvider provider = new UpdatePluginProvider() {
      @Override
      public String name() {
        return " Test.Padded ";
      }

      @Override
      public UpdatePlugin create(PluginArguments arguments) {
        return new ShelfPlugin.Delegating(new ShelfPlugin(arguments)) {
          @Override
          public List<Update> scan(PluginContext context) {
            throw new UnsupportedOperationException("not yet");
          }
        };
      }
    };

    assertThatThrownBy(() -> PluginConformance.of(provider).node(PluginConformanceTests::twoPasses).assertConforms())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Update plug-in \" Test.Padded \" (")
        .hasMessageContaining(" fails 6 of 9 conformance checks:\n"
            + "- stable name: name() returned \" Test.Padded \", which has leading or trailing"
            + " spaces; runs select a plug-in by its exact name\n"
            + "- repeatable scan: scan threw UnsupportedOperationException (\"not yet\")\n"
            + "- one result per update: scan threw UnsupportedOperationException (\"not yet\")\n"
            + "- re-scan after install: scan threw UnsupportedOperationException (\"not yet\")\n"
            + "- cancellation: scan threw UnsupportedOperationException (\"not yet\")\n"
            + "- node without capabilities: on a node that offers no capabilities, scan threw"
            + " UnsupportedOperationException (\"not yet\") instead of PluginFailureException;"
            + " throw PluginFailureException when the node lacks a capability the plug-in needs,"
            + " as any other exception type ends the run abnormally");
  }

  @Test
  void settingsAreCheckedWhenGiven() {
    PluginConformance kit = PluginConformance.of(ShelfPlugin.provider()).arguments(Map.of());

    assertThatThrownBy(() -> kit.arguments(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("arguments(...) was already called; each setting may be given once");
    assertThatThrownBy(() -> kit.maxInstallPasses(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The bound on install passes must be from 1 to 16, but was 0");
    assertThatThrownBy(kit::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No node supplier was set: call node(...) with a supplier of fresh nodes"
            + " that offer the capabilities the plug-in needs, or ConformanceNode::empty if it"
            + " needs none");
  }

  @Test
  void theContextHasAFixedClockACapturingLogAndASignalTheTestRaises() {
    Shelf shelf = Shelf.of();
    ConformanceContext context = ConformanceContext.on(ConformanceNode.of(shelf));

    context.log().info("scanning");
    context.log().warn("slow");
    assertThat(context.clock().instant()).isEqualTo(ConformanceContext.CLOCK_INSTANT);
    assertThat(context.runId()).isEqualTo(ConformanceContext.RUN_ID);
    assertThat(context.nodeName()).isEqualTo(ConformanceContext.NODE_NAME);
    assertThat(context.capability(Shelf.class)).containsSame(shelf);
    assertThat(context.capability(String.class)).isEmpty();
    assertThat(context.messages()).containsExactly(
        new ConformanceContext.LogEntry(ConformanceContext.Level.INFO, "scanning"),
        new ConformanceContext.LogEntry(ConformanceContext.Level.WARN, "slow"));
    assertThat(context.cancellation().isCancellationRequested()).isFalse();

    context.cancel();

    assertThat(context.cancellation().isCancellationRequested()).isTrue();
    assertThatThrownBy(() -> context.cancellation().throwIfCancellationRequested())
        .isInstanceOf(OperationCanceledException.class);
  }

  private static PluginConformance kit(UpdatePluginProvider provider) {
    return PluginConformance.of(provider)
        .arguments(ARGUMENTS)
        .node(PluginConformanceTests::twoPasses)
        .failingNode(PluginConformanceTests::offline);
  }

  /** A node with "a" and "b", and "c", which applies once "a" is installed. */
  private static ConformanceNode twoPasses() {
    return ConformanceNode.of(Shelf.of("a", "b").after("c", "a"));
  }

  /** A node whose shelf does not answer. */
  private static ConformanceNode offline() {
    return ConformanceNode.of(Shelf.of("a").offline());
  }
}

package dev.cau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every option refuses a bad value with a message naming the option, the value and what is allowed. */
class OptionRangeTests {

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("MaxFailedNodes", "-1", b -> b.maxFailedNodes(-1)),
        bad("MaxRetriesPerNode", "0", b -> b.maxRetriesPerNode(0)),
        bad("MaxRetriesPerNode", "65", b -> b.maxRetriesPerNode(65)),
        bad("RebootTimeoutMinutes", "-3", b -> b.rebootTimeoutMinutes(-3)),
        bad("RebootTimeoutMinutes", "PT0S", b -> b.rebootTimeout(Duration.ZERO)),
        bad("WarnAfter", "PT-1M", b -> b.warnAfter(Duration.ofMinutes(-1))),
        bad("StopAfter", "PT0S", b -> b.stopAfter(Duration.ZERO)),
        bad("WarnAfter", "PT2H", b -> b.warnAfter(Duration.ofHours(2)).stopAfter(Duration.ofHours(1)).build()),
        bad("WarnAfter", "PT1H", b -> b.warnAfter(Duration.ofHours(1)).stopAfter(Duration.ofHours(1)).build()),
        bad("PreUpdateScript", "\"  \"", b -> b.preUpdateScript("  ")),
        bad("PostUpdateScript", "\"" + "x".repeat(261) + "\"", b -> b.postUpdateScript("x".repeat(261))),
        bad("ConfigurationName", "\"\"", b -> b.configurationName("")),
        bad("CauPluginName", "\"A\"", b -> b.plugin("A").plugin("A")),
        bad("CauPluginName", "\" \"", b -> b.plugin(new PluginSelection(" ", java.util.Map.of()))),
        bad("NodeOrder", "\"n1\"", b -> b.nodeOrder(List.of("n1", "n1"))),
        bad("SiteAwareUpdatingOrder", "\"\"", b -> b.siteAwareUpdatingOrder(List.of(""))),
        bad("SuspendClusterNodeTimeoutMinutes", "PT-5M", b -> b.suspendClusterNodeTimeout(Duration.ofMinutes(-5))),
        bad("SuspendRetriesPerNode", "-1", b -> b.suspendRetriesPerNode(-1)),
        bad("WaitForStorageRepairTimeoutMinutes", "PT0S", b -> b.waitForStorageRepairTimeout(Duration.ZERO)),
        bad("MaxUpdatePasses", "0", b -> b.maxUpdatePasses(0)),
        bad("MaxUpdatePasses", "17", b -> b.maxUpdatePasses(17)),
        bad("SuspendReboot", "true", b -> b.suspendReboot(true).pauseMode(PauseMode.FORCE_PAUSE_DRAIN_AND_REBOOT).build()));
  }

  private static Arguments bad(String option, String value, Consumer<RunOptions.Builder> setter) {
    return Arguments.of(option, value, setter);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badValues")
  void aBadValueIsRefusedNamingTheOptionTheValueAndWhatIsAllowed(String option, String value, Consumer<RunOptions.Builder> setter) {
    assertThatThrownBy(() -> setter.accept(Simulation.options()))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> {
          assertThat(e.option()).isEqualTo(option);
          assertThat(e.getMessage()).startsWith("\"" + option + "\" must be ").contains(", but was " + value);
        });
  }

  static Stream<Arguments> badForTheCluster() {
    return Stream.of(
        bad("MaxFailedNodes", "3", b -> b.maxFailedNodes(3)),
        bad("NodeOrder", "\"n7\"", b -> b.nodeOrder(List.of("n7"))),
        bad("SiteAwareUpdatingOrder", "\"mars\"", b -> b.siteAwareUpdatingOrder(List.of("mars"))),
        bad("CauPluginArguments[Cau4j.InMemoryUpdatePlugin]", "\"Colour\"",
            b -> b.plugin(new PluginSelection("Cau4j.InMemoryUpdatePlugin", java.util.Map.of("Colour", "blue")))));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badForTheCluster")
  void aValueThatDoesNotFitTheClusterIsRefusedWhenTheRunStartsBeforeAnyNodeIsTouched(
      String option, String value, Consumer<RunOptions.Builder> setter) {
    SimulatedCluster cluster = Clusters.cluster(3, true).build();
    RunOptions.Builder builder = option.startsWith("CauPluginArguments") ? RunOptions.builder() : Simulation.options();
    setter.accept(builder);

    assertThatThrownBy(() -> Simulation.run(cluster, builder.build()))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> {
          assertThat(e.getMessage()).startsWith("\"" + option + "\" must ").contains(value);
        });
    assertThat(cluster.steps()).isEmpty();
    assertThat(cluster.history()).isEmpty();
  }
}

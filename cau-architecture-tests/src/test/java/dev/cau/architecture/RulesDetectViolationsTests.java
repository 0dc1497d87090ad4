package dev.cau.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.cau.api.fixtures.ApiUsingCore;
import dev.cau.api.fixtures.ListenerWithAnonymousDefault;
import dev.cau.api.fixtures.MutableSettings;
import dev.cau.architecture.fixtures.EngineUser;
import dev.cau.architecture.fixtures.InjectedClockReader;
import dev.cau.architecture.fixtures.TestkitUser;
import dev.cau.architecture.fixtures.WallClockReader;
import dev.cau.architecture.fixtures.XmlParserUser;
import dev.cau.core.Execution;
import dev.cau.plugin.fixturealpha.NoisyPlugin;
import dev.cau.plugin.fixturealpha.PluginUsingCore;
import dev.cau.plugin.fixturealpha.PluginUsingOtherPlugin;
import dev.cau.plugin.fixturealpha.WellBehavedPlugin;
import dev.cau.plugin.fixturealpha.internal.Helper;
import dev.cau.plugin.fixturebeta.OtherPluginHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that the rules of {@link DependencyRulesTests} and {@link HabitsTests} (and the
 * {@code @NullMarked} check of {@link ModuleDescriptorTests}) can fail: the same rule objects are
 * evaluated against small fixture classes that break them, and some that keep them.
 *
 * <p>The fixtures are test classes, so the production import never sees them; each is imported
 * here explicitly. Their packages are chosen to fall under the rule they exercise, which is why
 * some live in {@code dev.cau.api.fixtures} and {@code dev.cau.plugin.fixture*} rather than under
 * {@code dev.cau.architecture.fixtures}.
 */
class RulesDetectViolationsTests {
  @Test
  void timeRuleReportsEverySleepAndWallClockRead() {
    List<String> violations =
        violations(HabitsTests.NOTHING_READS_THE_WALL_CLOCK_OR_SLEEPS, WallClockReader.class);

    assertThat(String.join("\n", violations))
        .contains(
            "calls method <java.lang.Thread.sleep(long)>",
            "calls method <java.util.concurrent.TimeUnit.sleep(long)>",
            "calls method <java.lang.System.currentTimeMillis()>",
            "calls method <java.lang.System.nanoTime()>",
            "calls method <java.time.Instant.now()>",
            "calls method <java.time.LocalDateTime.now()>",
            "references method <java.time.Instant.now()>",
            "calls method <java.time.Clock.systemUTC()>");
    assertThat(violations).hasSize(8);
  }

  @Test
  void timeRuleAcceptsAnInjectedClock() {
    assertNoViolation(
        HabitsTests.NOTHING_READS_THE_WALL_CLOCK_OR_SLEEPS, InjectedClockReader.class);
  }

  @Test
  void timeRuleAcceptsOnlyTheNamedSystemClockSupplier() {
    assertNoViolation(HabitsTests.NOTHING_READS_THE_WALL_CLOCK_OR_SLEEPS, Execution.class);
  }

  @Test
  void apiDependencyRuleReportsADependencyOnCoreAndSlf4j() {
    List<String> violations =
        violations(DependencyRulesTests.API_DEPENDS_ONLY_ON_JDK_JSPECIFY_AND_APIGUARDIAN, ApiUsingCore.class);

    assertThat(String.join("\n", violations))
        .contains("dev.cau.core.Execution")
        .contains("org.slf4j.Logger");
  }

  @Test
  void apiKindRuleReportsAPlainClassAndAnAnonymousClass() {
    List<String> violations =
        violations(
            HabitsTests.API_HOLDS_ONLY_INTERFACES_VALUES_AND_EXCEPTIONS,
            MutableSettings.class,
            ListenerWithAnonymousDefault.class,
            ListenerWithAnonymousDefault.NONE.getClass());

    assertThat(violations)
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains(MutableSettings.class.getName() + ">"))
        .anySatisfy(
            line ->
                assertThat(line).contains(ListenerWithAnonymousDefault.class.getName() + "$1>"));
  }

  @Test
  void pluginRuleReportsCoreAndOtherPluginsButAcceptsApiSlf4jAndOwnPackages() {
    List<String> violations =
        violations(
            DependencyRulesTests.PLUGINS_DEPEND_ONLY_ON_JDK_JSPECIFY_SLF4J_API_AND_THEMSELVES,
            PluginUsingCore.class,
            PluginUsingOtherPlugin.class,
            WellBehavedPlugin.class,
            Helper.class,
            OtherPluginHelper.class);

    assertThat(violations)
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .containsAnyOf(
                        PluginUsingCore.class.getName() + ".",
                        PluginUsingOtherPlugin.class.getName() + "."))
        .anySatisfy(line -> assertThat(line).contains("<" + Execution.class.getName()))
        .anySatisfy(line -> assertThat(line).contains("<" + OtherPluginHelper.class.getName()));
  }

  @Test
  void loggingRuleReportsConsoleOutputAndJavaUtilLogging() {
    List<String> violations =
        violations(HabitsTests.LIBRARIES_LOG_ONLY_THROUGH_SLF4J, NoisyPlugin.class);

    assertThat(String.join("\n", violations))
        .contains(
            "gets field <java.lang.System.out>",
            "gets field <java.lang.System.err>",
            "printStackTrace()",
            "java.util.logging.Logger");
  }

  @Test
  void engineRuleReportsUseFromOutsideDevCauCore() {
    List<String> violations =
        violations(
            DependencyRulesTests.ENGINE_IS_USED_ONLY_BY_THE_CORE_ENTRY_PACKAGE, EngineUser.class);

    assertThat(violations)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("dev.cau.core.engine.RunStateMachine"));
  }

  @Test
  void testkitRuleReportsUseFromOutsideTheTestkitAndCli() {
    List<String> violations =
        violations(DependencyRulesTests.ONLY_TESTKIT_AND_CLI_DEPEND_ON_TESTKIT, TestkitUser.class);

    assertThat(violations)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("dev.cau.testkit.Simulator"));
  }

  @Test
  void xmlRuleReportsAParserOutsideTheProfilePackage() {
    List<String> violations =
        violations(DependencyRulesTests.ONLY_PROFILES_PARSE_XML, XmlParserUser.class);

    assertThat(violations)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("javax.xml.parsers.DocumentBuilderFactory"));
  }

  @Test
  void nullMarkedCheckReportsAPackageWithoutPackageInfo() throws ClassNotFoundException {
    Class<?> corePackageInfo = Class.forName(Execution.class.getPackageName() + ".package-info");

    assertThat(
            ModuleDescriptorTests.packagesNotNullMarked(
                importClasses(WallClockReader.class, Execution.class, corePackageInfo)))
        .containsExactly(WallClockReader.class.getPackageName());
  }

  private static List<String> violations(ArchRule rule, Class<?>... fixtures) {
    EvaluationResult result = rule.evaluate(importClasses(fixtures));
    assertThat(result.hasViolation())
        .as("rule '%s' reports a violation in %s", rule.getDescription(), List.of(fixtures))
        .isTrue();
    return result.getFailureReport().getDetails();
  }

  private static void assertNoViolation(ArchRule rule, Class<?>... fixtures) {
    EvaluationResult result = rule.evaluate(importClasses(fixtures));
    assertThat(result.getFailureReport().getDetails())
        .as("violations of rule '%s' in %s", rule.getDescription(), List.of(fixtures))
        .isEmpty();
  }

  private static JavaClasses importClasses(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }
}

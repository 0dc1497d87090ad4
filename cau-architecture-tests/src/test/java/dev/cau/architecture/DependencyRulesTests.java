package dev.cau.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between cau4j's modules and packages (DESIGN section 2).
 *
 * <p>JPMS {@code requires} already stops a module from compiling against a module it does not
 * read; these rules also hold for what a module reads transitively, for packages inside a module,
 * and on the class path. Rules about the CLI and the plug-ins bind as soon as their code lands and
 * pass while their packages are still empty.
 */
class DependencyRulesTests {
  static final ArchRule API_DEPENDS_ONLY_ON_JDK_JSPECIFY_AND_APIGUARDIAN =
      classes()
          .that()
          .resideInAPackage("dev.cau.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "org.jspecify..", "org.apiguardian.api..", "dev.cau.api..")
          .because(
              "cau-api is all that plug-in authors and embedders compile against: it needs nothing"
                  + " but the JDK and two annotation-only jars, JSpecify (nullness) and apiguardian"
                  + " (@API stability markers)");

  /** The packages of the JDK's own XML parser (module java.xml). */
  private static final String[] JDK_XML_PACKAGES = {"javax.xml..", "org.w3c.dom..", "org.xml.sax.."};

  static final ArchRule CORE_DEPENDS_ONLY_ON_JDK_JSPECIFY_SLF4J_AND_API =
      classes()
          .that()
          .resideInAPackage("dev.cau.core..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "org.jspecify..", "org.apiguardian.api..", "org.slf4j..", "dev.cau.api..",
              "dev.cau.core..",
              JDK_XML_PACKAGES[0], JDK_XML_PACKAGES[1], JDK_XML_PACKAGES[2])
          .because("the engine is a library: cau-api and slf4j-api are its only dependencies"
              + " besides the JDK (java.xml included, for CAU's CLIXML profiles) and the"
              + " annotation-only JSpecify and apiguardian");

  static final ArchRule ONLY_PROFILES_PARSE_XML =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.cau.core.profile..")
          .and()
          .doNotHaveFullyQualifiedName("dev.cau.pacemaker.CrmMonParser")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(JDK_XML_PACKAGES)
          .because("XML is read in two places only, each hardened the same way (secure processing, no"
              + " DTD, no entities, bounded depth): the CLIXML profile reader and the Pacemaker"
              + " backend's crm_mon reader, so that no other parser can be left open to entities or"
              + " external files");

  static final ArchRule PLUGINS_DEPEND_ONLY_ON_JDK_JSPECIFY_SLF4J_API_AND_THEMSELVES =
      classes()
          .that()
          .resideInAPackage("dev.cau.plugin..")
          .should(onlyHaveDependenciesWhere(targetIsJdkJspecifySlf4jApiOrOwnPlugin()))
          .because(
              "a plug-in author needs only cau-api: plug-ins never see cau-core, the testkit, the"
                  + " CLI or one another")
          .allowEmptyShould(true);

  static final ArchRule TESTKIT_NEVER_DEPENDS_ON_CLI_OR_PLUGINS =
      noClasses()
          .that()
          .resideInAPackage("dev.cau.testkit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.cau.cli..", "dev.cau.plugin..")
          .because(
              "the testkit drives the engine with its own in-memory cluster and plug-in; the CLI"
                  + " builds on the testkit, not the other way round");

  static final ArchRule ONLY_TESTKIT_AND_CLI_DEPEND_ON_TESTKIT =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.cau.testkit..", "dev.cau.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.cau.testkit..")
          .because(
              "nothing in src/main depends on cau-testkit except the CLI's simulated default");

  static final ArchRule MODULES_ARE_FREE_OF_CYCLES =
      slices()
          .matching(ProductionClasses.BASE_PACKAGE + ".(*)..")
          .namingSlices("module $1")
          .should()
          .beFreeOfCycles()
          .because("modules depend on each other in one direction only");

  static final ArchRule PLUGINS_ARE_FREE_OF_CYCLES =
      slices()
          .matching("dev.cau.plugin.(*)..")
          .namingSlices("plug-in $1")
          .should()
          .beFreeOfCycles()
          .because("plug-ins are independent modules")
          .allowEmptyShould(true);

  static final ArchRule TRANSPORTS_NEVER_SEE_CORE_TESTKIT_CLI_OR_PLUGINS =
      noClasses()
          .that()
          .resideInAPackage("dev.cau.transport..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.cau.core..", "dev.cau.testkit..", "dev.cau.cli..", "dev.cau.plugin..")
          .because("a transport gives node capabilities of cau-api to backends and plug-ins: it needs"
              + " cau-api and its SSH library, never the engine, the testkit, the CLI or a plug-in");

  static final ArchRule BACKENDS_NEVER_SEE_CORE_TESTKIT_CLI_OR_PLUGINS =
      noClasses()
          .that()
          .resideInAPackage("dev.cau.pacemaker..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.cau.core..", "dev.cau.testkit..", "dev.cau.cli..", "dev.cau.plugin..")
          .because("a cluster backend implements cau-api's controllers over a transport: it needs cau-api"
              + " and a transport, never the engine, the testkit, the CLI or a plug-in");

  static final ArchRule NO_JSON_DATA_BINDING =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.fasterxml.jackson.databind..", "tools.jackson.databind..", "com.google.gson..",
              "jakarta.json..", "org.json..")
          .because("JSON from nodes is read with jackson-core's bounded streaming parser only: one parser"
              + " for every plug-in, transport and backend, and no data binding that builds objects from input");

  static final ArchRule ENGINE_IS_USED_ONLY_BY_THE_CORE_ENTRY_PACKAGE =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.cau.core", "dev.cau.core.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.cau.core.engine..")
          .because(
              "the run's state machine is internal (dev.cau.core.engine is not exported): only"
                  + " dev.cau.core, the package of UpdateCoordinator, drives it");

  /**
   * What a plug-in may use: the JDK, JSpecify, slf4j, cau-api, and jackson-core's streaming parser,
   * the one JSON parser for data written on nodes (data binding, which instantiates classes from
   * input, is not allowed; see {@link #NO_JSON_DATA_BINDING}).
   */
  private static final List<String> PLUGIN_ALLOWED_PACKAGES =
      List.of("java", "org.jspecify", "org.slf4j", "dev.cau.api", "com.fasterxml.jackson.core");

  private static final String PLUGIN_BASE_PACKAGE = "dev.cau.plugin";

  /**
   * The one plug-in that may use another: Rolling Upgrade, Windows Update connected, finds and
   * installs the feature update through the Windows Update plug-in's exported provider, so that
   * the Windows Update Agent access exists once (the issue asks to share it, not copy it). Only the
   * provider's exported package, not its simulated agent.
   */
  private static final Map<String, String> PLUGIN_MAY_USE =
      Map.of("dev.cau.plugin.rollingupgrade", "dev.cau.plugin.windowsupdate");

  @Test
  void importSeesTheProductionClassesOfEveryModuleAndNoTestClasses() {
    Set<String> packages =
        ProductionClasses.all().stream()
            .map(JavaClass::getPackageName)
            .collect(Collectors.toSet());

    assertThat(packages)
        .as("packages of the imported production classes")
        .contains("dev.cau.api", "dev.cau.core", "dev.cau.core.engine", "dev.cau.testkit",
            "dev.cau.plugin.example.firmware", "dev.cau.plugin.windowsupdate",
            "dev.cau.plugin.hotfix", "dev.cau.plugin.apt", "dev.cau.plugin.rollingupgrade", "dev.cau.transport.ssh", "dev.cau.pacemaker")
        .noneMatch(name -> name.startsWith("dev.cau.architecture"))
        .noneMatch(name -> name.contains("fixture"));
  }

  @Test
  void apiDependsOnlyOnTheJdkJspecifyAndApiguardian() {
    API_DEPENDS_ONLY_ON_JDK_JSPECIFY_AND_APIGUARDIAN.check(ProductionClasses.all());
  }

  @Test
  void coreDependsOnlyOnTheJdkJspecifySlf4jAndTheApi() {
    CORE_DEPENDS_ONLY_ON_JDK_JSPECIFY_SLF4J_AND_API.check(ProductionClasses.all());
  }

  @Test
  void onlyRunProfilesParseXml() {
    ONLY_PROFILES_PARSE_XML.check(ProductionClasses.all());
  }

  @Test
  void pluginsDependOnlyOnTheJdkJspecifySlf4jTheApiAndTheirOwnPackages() {
    PLUGINS_DEPEND_ONLY_ON_JDK_JSPECIFY_SLF4J_API_AND_THEMSELVES.check(ProductionClasses.all());
  }

  @Test
  void testkitNeverDependsOnTheCliOrPlugins() {
    TESTKIT_NEVER_DEPENDS_ON_CLI_OR_PLUGINS.check(ProductionClasses.all());
  }

  @Test
  void onlyTheTestkitAndTheCliDependOnTheTestkit() {
    ONLY_TESTKIT_AND_CLI_DEPEND_ON_TESTKIT.check(ProductionClasses.all());
  }

  @Test
  void modulesAreFreeOfCycles() {
    MODULES_ARE_FREE_OF_CYCLES.check(ProductionClasses.all());
  }

  @Test
  void pluginsAreFreeOfCycles() {
    PLUGINS_ARE_FREE_OF_CYCLES.check(ProductionClasses.all());
  }

  @Test
  void engineIsUsedOnlyByTheCoreEntryPackage() {
    ENGINE_IS_USED_ONLY_BY_THE_CORE_ENTRY_PACKAGE.check(ProductionClasses.all());
  }

  @Test
  void transportsNeverSeeTheCoreTestkitCliOrPlugins() {
    TRANSPORTS_NEVER_SEE_CORE_TESTKIT_CLI_OR_PLUGINS.check(ProductionClasses.all());
  }

  @Test
  void backendsNeverSeeTheCoreTestkitCliOrPlugins() {
    BACKENDS_NEVER_SEE_CORE_TESTKIT_CLI_OR_PLUGINS.check(ProductionClasses.all());
  }

  @Test
  void nothingBindsJson() {
    NO_JSON_DATA_BINDING.check(ProductionClasses.all());
  }

  /**
   * Accepts a dependency of a plug-in class on the JDK, JSpecify, SLF4J, cau-api or the plug-in's
   * own package tree ({@code dev.cau.plugin.<name>..}), and nothing else.
   */
  private static DescribedPredicate<Dependency> targetIsJdkJspecifySlf4jApiOrOwnPlugin() {
    return DescribedPredicate.describe(
        "the target resides in java.., org.jspecify.., org.slf4j.., dev.cau.api.., com.fasterxml.jackson.core.. or the"
            + " origin's own plug-in package dev.cau.plugin.<name>.., or for Rolling Upgrade the Windows Update"
            + " plug-in's exported package",
        dependency -> {
          String target = dependency.getTargetClass().getPackageName();
          String origin = dependency.getOriginClass().getPackageName();
          return PLUGIN_ALLOWED_PACKAGES.stream().anyMatch(allowed -> isInTree(target, allowed))
              || pluginOf(origin).equals(pluginOf(target))
              || target.equals(PLUGIN_MAY_USE.get(pluginOf(origin)));
        });
  }

  /** Returns {@code dev.cau.plugin.<name>} for a package in that tree, else the package itself. */
  private static String pluginOf(String packageName) {
    String prefix = PLUGIN_BASE_PACKAGE + ".";
    if (!packageName.startsWith(prefix)) {
      return packageName;
    }
    int end = packageName.indexOf('.', prefix.length());
    return end < 0 ? packageName : packageName.substring(0, end);
  }

  private static boolean isInTree(String packageName, String root) {
    return packageName.equals(root) || packageName.startsWith(root + ".");
  }
}

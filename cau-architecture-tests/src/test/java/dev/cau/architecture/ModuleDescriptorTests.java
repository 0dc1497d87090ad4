package dev.cau.architecture;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The JPMS descriptors of the cau4j modules (DESIGN section 2): names, exports, requires, service
 * use and provision, the {@code META-INF/services} twin of every {@code provides} (STYLE habit 2),
 * and a {@code @NullMarked} package-info in every package (STYLE habit 5).
 *
 * <p>This module runs on the class path, so every cau4j jar's {@code module-info.class} is a
 * resource that can be read with {@link ModuleDescriptor#read(InputStream)}.
 */
class ModuleDescriptorTests {
  private static final String API = "dev.cau.api";
  private static final String CORE = "dev.cau.core";
  private static final String TESTKIT = "dev.cau.testkit";
  private static final String ENGINE_PACKAGE = "dev.cau.core.engine";
  private static final String PLUGIN_PROVIDER_SERVICE = "dev.cau.api.plugin.UpdatePluginProvider";
  private static final String JAVA_BASE = "java.base";

  @Test
  void descriptorsOfTheApiCoreAndTestkitArePresent() {
    assertThat(cauModules()).containsKeys(API, CORE, TESTKIT);
  }

  /**
   * Binds the modules that have no code yet: once {@code dev.cau.cli} or a
   * {@code dev.cau.plugin.<name>} package has a class, its module needs a descriptor too.
   */
  @Test
  void everyProductionPackageBelongsToAModuleNamedAfterItsBasePackage() {
    Set<String> moduleNames = cauModules().keySet();
    Set<String> packagesWithoutModule =
        productionPackageNames().stream()
            .filter(pkg -> moduleNames.stream().noneMatch(module -> isInTree(pkg, module)))
            .collect(toCollection(TreeSet::new));

    assertThat(packagesWithoutModule)
        .as(
            "packages whose base package has no module descriptor (modules found: %s);"
                + " each module is a JPMS module named after its base package",
            moduleNames)
        .isEmpty();
  }

  @Test
  void everyModuleDeclaresOnlyPackagesUnderItsName() {
    cauModules()
        .values()
        .forEach(
            descriptor ->
                assertThat(descriptor.packages())
                    .as("packages of module %s", descriptor.name())
                    .allMatch(pkg -> isInTree(pkg, descriptor.name())));
  }

  @Test
  void apiExportsExactlyItsSevenPackages() {
    ModuleDescriptor api = module(API);

    assertThat(api.exports())
        .as("exports of %s", API)
        .noneMatch(Exports::isQualified)
        .extracting(Exports::source)
        .containsExactlyInAnyOrder(
            "dev.cau.api",
            "dev.cau.api.capability",
            "dev.cau.api.cluster",
            "dev.cau.api.event",
            "dev.cau.api.plugin",
            "dev.cau.api.readiness",
            "dev.cau.api.result");
  }

  @Test
  void apiRequiresOnlyJspecifyAndApiguardianBothStatically() {
    ModuleDescriptor api = module(API);

    assertThat(requiredModules(api))
        .as("modules required by %s besides %s", API, JAVA_BASE)
        .containsExactly("org.apiguardian.api", "org.jspecify");
    assertThat(api.requires())
        .filteredOn(requires -> !requires.name().equals(JAVA_BASE))
        .as("annotation-only modules are needed to compile against %s, not to run it", API)
        .allMatch(requires -> requires.modifiers().contains(Requires.Modifier.STATIC));
  }

  @Test
  void coreDoesNotExportOrOpenTheEngine() {
    ModuleDescriptor core = module(CORE);

    assertThat(core.exports())
        .as("exports of %s", CORE)
        .extracting(Exports::source)
        .contains(CORE)
        .doesNotContain(ENGINE_PACKAGE);
    assertThat(core.opens())
        .as("opens of %s", CORE)
        .extracting(Opens::source)
        .doesNotContain(ENGINE_PACKAGE);
    assertThat(core.isOpen()).as("%s is an open module", CORE).isFalse();
  }

  @Test
  void coreRequiresOnlyTheApiAnnotationJarsSlf4jAndTheJdksXmlParser() {
    // java.xml is part of the JDK, not a dependency: run profiles import CAU's CLIXML with it.
    assertThat(requiredModules(module(CORE)))
        .as("modules required by %s besides %s", CORE, JAVA_BASE)
        .isSubsetOf(API, "org.jspecify", "org.apiguardian.api", "org.slf4j", "java.xml");
  }

  @Test
  void coreUsesThePluginProviderService() {
    assertThat(module(CORE).uses())
        .as("services used by %s", CORE)
        .contains(PLUGIN_PROVIDER_SERVICE);
  }

  @Test
  void testkitProvidesAPluginProvider() {
    assertThat(module(TESTKIT).provides())
        .as("services provided by %s", TESTKIT)
        .extracting(Provides::service)
        .contains(PLUGIN_PROVIDER_SERVICE);
  }

  @Test
  void everyProvidedServiceIsAlsoListedInMetaInfServices() {
    Map<String, List<String>> missing = new TreeMap<>();
    for (ModuleDescriptor descriptor : cauModules().values()) {
      for (Provides provides : descriptor.provides()) {
        Set<String> listed = servicesFileEntries(provides.service());
        for (String provider : provides.providers()) {
          if (!listed.contains(provider)) {
            missing
                .computeIfAbsent(provides.service(), service -> new ArrayList<>())
                .add(descriptor.name() + " provides " + provider);
          }
        }
      }
    }

    assertThat(missing)
        .as(
            "providers declared in module-info but missing from META-INF/services/<service>;"
                + " a class-path or shaded run would not find them")
        .isEmpty();
  }

  @Test
  void everyCauProviderInMetaInfServicesIsAlsoProvidedByItsModule() {
    Map<String, ModuleDescriptor> modules = cauModules();
    Set<String> services = new TreeSet<>();
    modules.values().forEach(descriptor -> services.addAll(descriptor.uses()));
    modules.values().forEach(
        descriptor -> descriptor.provides().forEach(provides -> services.add(provides.service())));

    Set<String> undeclared = new TreeSet<>();
    for (String service : services) {
      for (String provider : servicesFileEntries(service)) {
        if (provider.startsWith(ProductionClasses.BASE_PACKAGE + ".")
            && !isProvidedByAModule(modules, service, provider)) {
          undeclared.add(service + " -> " + provider);
        }
      }
    }

    assertThat(undeclared)
        .as(
            "providers listed in META-INF/services but missing from a module-info `provides`;"
                + " a module-path run would not find them")
        .isEmpty();
  }

  @Test
  void everyPackageIsNullMarked() {
    assertThat(packagesNotNullMarked(ProductionClasses.all()))
        .as("packages without a package-info.java annotated with @%s", NullMarked.class.getName())
        .isEmpty();
  }

  /**
   * Returns the packages of the given classes whose package-info is missing or lacks
   * {@code @NullMarked}, read from the imported package-info class files.
   *
   * @param classes the imported classes
   * @return the names of the packages that are not null-marked, sorted
   */
  static Set<String> packagesNotNullMarked(JavaClasses classes) {
    return classes.stream()
        .map(JavaClass::getPackage)
        .filter(pkg -> !pkg.isAnnotatedWith(NullMarked.class))
        .map(JavaPackage::getName)
        .collect(toCollection(TreeSet::new));
  }

  private static ModuleDescriptor module(String name) {
    ModuleDescriptor descriptor = cauModules().get(name);
    assertThat(descriptor).as("module-info.class of %s on the class path", name).isNotNull();
    return descriptor;
  }

  private static Set<String> requiredModules(ModuleDescriptor descriptor) {
    return descriptor.requires().stream()
        .map(Requires::name)
        .filter(name -> !name.equals(JAVA_BASE))
        .collect(toCollection(TreeSet::new));
  }

  private static boolean isProvidedByAModule(
      Map<String, ModuleDescriptor> modules, String service, String provider) {
    return modules.values().stream()
        .flatMap(descriptor -> descriptor.provides().stream())
        .anyMatch(
            provides ->
                provides.service().equals(service) && provides.providers().contains(provider));
  }

  private static Set<String> productionPackageNames() {
    return ProductionClasses.all().stream().map(JavaClass::getPackageName).collect(toSet());
  }

  private static boolean isInTree(String packageName, String root) {
    return packageName.equals(root) || packageName.startsWith(root + ".");
  }

  /** Reads every {@code dev.cau} module descriptor on the class path, by module name. */
  static Map<String, ModuleDescriptor> cauModules() {
    Map<String, ModuleDescriptor> modules = new TreeMap<>();
    for (URL url : resources("module-info.class")) {
      ModuleDescriptor descriptor;
      try (InputStream in = url.openStream()) {
        descriptor = ModuleDescriptor.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + url, e);
      }
      if (descriptor.name().startsWith(ProductionClasses.BASE_PACKAGE + ".")) {
        ModuleDescriptor previous = modules.putIfAbsent(descriptor.name(), descriptor);
        assertThat(previous)
            .as("a second descriptor of module %s on the class path, at %s", descriptor.name(), url)
            .isNull();
      }
    }
    return modules;
  }

  /**
   * Returns the provider class names listed in every {@code META-INF/services/<service>} file on
   * the class path, without comments and blank lines.
   */
  private static Set<String> servicesFileEntries(String service) {
    Set<String> entries = new TreeSet<>();
    for (URL url : resources("META-INF/services/" + service)) {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(url.openStream(), UTF_8))) {
        reader
            .lines()
            .map(line -> line.replaceFirst("#.*", "").strip())
            .filter(line -> !line.isEmpty())
            .forEach(entries::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + url, e);
      }
    }
    return entries;
  }

  private static List<URL> resources(String name) {
    try {
      Enumeration<URL> urls = ModuleDescriptorTests.class.getClassLoader().getResources(name);
      return Collections.list(urls);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list resources named " + name, e);
    }
  }
}

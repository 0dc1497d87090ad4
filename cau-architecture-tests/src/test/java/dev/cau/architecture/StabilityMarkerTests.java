package dev.cau.architecture;

import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cau.architecture.fixtures.MarkedPublicType;
import dev.cau.architecture.fixtures.UnmarkedPublicType;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Every public type that cau4j's library modules export carries JUnit's stability marker,
 * {@code @API(status = ..., since = ...)} from {@code org.apiguardian:apiguardian-api} (issue 17,
 * docs/api-stability.md): the types of {@code cau-api}, of {@code cau-core}'s exported packages,
 * of {@code cau-testkit} and of {@code cau-testkit-junit}, nested public types included.
 *
 * <p>The exported packages are read from each module's descriptor, so a package exported later is
 * checked without a change here.
 */
class StabilityMarkerTests {
  /** The modules whose exported public types are API that outside code compiles against. */
  static final Set<String> MARKED_MODULES =
      Set.of("dev.cau.api", "dev.cau.core", "dev.cau.testkit", "dev.cau.testkit.junit");

  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  @Test
  void theMarkedModulesArePresentAndExportPackages() {
    assertThat(ModuleDescriptorTests.cauModules()).containsKeys(MARKED_MODULES.toArray(String[]::new));
    assertThat(exportedPackages()).contains("dev.cau.api", "dev.cau.core", "dev.cau.testkit",
        "dev.cau.testkit.junit", "dev.cau.api.plugin", "dev.cau.testkit.conformance");
  }

  @Test
  void everyExportedPublicTypeHasAStabilityMarker() {
    assertThat(typesWithoutMarker(ProductionClasses.all(), exportedPackages()))
        .as("public types in exported packages without @%s(status = ..., since = \"x.y.z\")",
            API.class.getName())
        .isEmpty();
  }

  @Test
  void theCheckReportsAnUnmarkedPublicTypeAndAcceptsAMarkedOne() {
    JavaClasses fixtures =
        new ClassFileImporter()
            .importClasses(
                UnmarkedPublicType.class,
                UnmarkedPublicType.Nested.class,
                nestedClass(UnmarkedPublicType.class, "Hidden"),
                MarkedPublicType.class,
                nestedClass(MarkedPublicType.class, "Hidden"),
                nestedClass(MarkedPublicType.class, "Hidden$Inner"));
    Set<String> fixturePackage = Set.of(UnmarkedPublicType.class.getPackageName());

    assertThat(typesWithoutMarker(fixtures, fixturePackage))
        .containsExactly(UnmarkedPublicType.class.getName(),
            UnmarkedPublicType.Nested.class.getName().replace('$', '.'));
  }

  /**
   * Returns the public, accessible types of the given packages whose {@code @API} marker is missing
   * or has no {@code since} version of the form {@code x.y.z}.
   *
   * @param classes the imported classes
   * @param packages the packages to check
   * @return the names of the offending types, sorted
   */
  static Set<String> typesWithoutMarker(JavaClasses classes, Set<String> packages) {
    return classes.stream()
        .filter(type -> packages.contains(type.getPackageName()))
        .filter(StabilityMarkerTests::isAccessibleFromOutside)
        .filter(type -> !type.getSimpleName().equals("package-info"))
        .filter(type -> !hasMarker(type))
        .map(JavaClass::getFullName)
        .map(name -> name.replace('$', '.'))
        .collect(toCollection(TreeSet::new));
  }

  private static boolean hasMarker(JavaClass type) {
    Optional<API> marker = type.tryGetAnnotationOfType(API.class);
    return marker.isPresent() && VERSION.matcher(marker.get().since()).matches();
  }

  /** A public type whose enclosing types, if any, are all public. */
  private static boolean isAccessibleFromOutside(JavaClass type) {
    if (type.isAnonymousClass() || type.isLocalClass()
        || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
      return false;
    }
    return type.getEnclosingClass().map(StabilityMarkerTests::isAccessibleFromOutside).orElse(true);
  }

  /** Loads a nested fixture type that this package cannot name because it is not public. */
  private static Class<?> nestedClass(Class<?> outer, String nestedName) {
    try {
      return Class.forName(outer.getName() + "$" + nestedName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("fixture " + outer.getName() + "$" + nestedName + " is missing", e);
    }
  }

  private static Set<String> exportedPackages() {
    Set<String> packages = new TreeSet<>();
    for (String module : MARKED_MODULES) {
      ModuleDescriptor descriptor = ModuleDescriptorTests.cauModules().get(module);
      if (descriptor != null) {
        descriptor.exports().stream()
            .filter(exports -> !exports.isQualified())
            .map(Exports::source)
            .forEach(packages::add);
      }
    }
    return packages;
  }
}

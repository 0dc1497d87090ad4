package dev.cau.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The production classes of every cau4j module on this module's test class path, imported once
 * and shared by all rule tests.
 *
 * <p>Only packages under {@code dev.cau} are imported, so the JDK and third-party jars are seen as
 * dependency targets but never checked themselves; test classes (including this module's rule
 * fixtures) are left out.
 */
final class ProductionClasses {
  /** The base package of every cau4j module. */
  static final String BASE_PACKAGE = "dev.cau";

  private ProductionClasses() {}

  /**
   * Returns the imported production classes.
   *
   * @return the classes of every {@code dev.cau} package, without test classes
   */
  static JavaClasses all() {
    return Holder.CLASSES;
  }

  private static final class Holder {
    static final JavaClasses CLASSES =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE_PACKAGE);
  }
}

package dev.cau.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ENUMS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.RECORDS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.core.Execution;
import java.time.Clock;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The coding habits of STYLE.md that can be read from the byte code: time is injected and nothing
 * sleeps (habit 7, DESIGN section 4), libraries log through SLF4J only, and cau-api holds only
 * interfaces, values, events and exceptions (habit 1).
 */
class HabitsTests {
  /**
   * The one class allowed to create the system clock: {@link Execution#system()} supplies the real
   * clock, every other class receives a {@link Clock} and reads time from it.
   */
  static final Class<?> SYSTEM_CLOCK_SUPPLIER = Execution.class;

  /**
   * The Pacemaker backend's one class of real time: the clock of its own calls outside a run and
   * the pause between polls of a restarting node. A backend drives a real cluster and is never run
   * in virtual time; every deadline of a run still comes from the engine's clock.
   */
  static final String REAL_BACKEND_TIME = "dev.cau.pacemaker.RealTime";

  /**
   * The CLI's one class of real time: {@code cau status --watch} on a real cluster waits between
   * two readings of a run store that a run in another process writes. Tests give the command a
   * scripted clock instead.
   */
  static final String WATCH_TIME = "dev.cau.cli.SystemWatchClock";

  static final ArchRule NOTHING_READS_THE_WALL_CLOCK_OR_SLEEPS =
      noClasses()
          .should()
          .accessTargetWhere(readsTheWallClockOrSleeps())
          .because(
              "the clock, the scheduler and the executors are injected so that the testkit can"
                  + " drive the same engine in virtual time; the engine never sleeps");

  static final ArchRule LIBRARIES_LOG_ONLY_THROUGH_SLF4J =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.cau.api..", "dev.cau.core..", "dev.cau.testkit..", "dev.cau.plugin..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.util.logging..")
          .orShould()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .orShould()
          .accessTargetWhere(writesToTheConsoleOrPlatformLogger())
          .because(
              "library modules report through SLF4J (or events), never to the console; only the"
                  + " CLI, an application, may print");

  static final ArchRule API_HOLDS_ONLY_INTERFACES_VALUES_AND_EXCEPTIONS =
      classes()
          .that()
          .resideInAPackage("dev.cau.api..")
          .should(be(interfaceRecordEnumExceptionOrAllowedValueClass()))
          .because(
              "cau-api holds interfaces, records, enums and exceptions, nothing else:"
                  + " implementations live in cau-core");

  @Test
  void nothingReadsTheWallClockOrSleepsExceptTheSystemClockSupplier() {
    NOTHING_READS_THE_WALL_CLOCK_OR_SLEEPS.check(ProductionClasses.all());
  }

  @Test
  void librariesLogOnlyThroughSlf4j() {
    LIBRARIES_LOG_ONLY_THROUGH_SLF4J.check(ProductionClasses.all());
  }

  @Test
  void apiHoldsOnlyInterfacesValuesAndExceptions() {
    API_HOLDS_ONLY_INTERFACES_VALUES_AND_EXCEPTIONS.check(ProductionClasses.all());
  }

  /**
   * Matches calls and method references that sleep or read the system clock: {@code Thread.sleep},
   * {@code TimeUnit.sleep}, {@code System.currentTimeMillis}, {@code System.nanoTime}, every
   * {@code now(...)} of {@code java.time} that does not take a {@link Clock}, and the system
   * {@link Clock} and {@link InstantSource} factories, except when {@link #SYSTEM_CLOCK_SUPPLIER}
   * creates the system clock.
   */
  private static DescribedPredicate<JavaAccess<?>> readsTheWallClockOrSleeps() {
    return DescribedPredicate.describe(
        "target sleeps (Thread.sleep, TimeUnit.sleep) or reads the system clock"
            + " (System.currentTimeMillis/nanoTime, java.time now() without a Clock,"
            + " Clock.system*/InstantSource.system), except "
            + SYSTEM_CLOCK_SUPPLIER.getName()
            + " creating the system clock, " + REAL_BACKEND_TIME + ", a real backend's pause between polls,"
            + " and " + WATCH_TIME + ", a watch's pause between readings of a run store",
        access -> {
          AccessTarget target = access.getTarget();
          String origin = access.getOriginOwner().getName();
          if (origin.equals(REAL_BACKEND_TIME) || origin.equals(WATCH_TIME)) {
            return false;
          }
          if (createsSystemClock(target)) {
            return !access.getOriginOwner().isEquivalentTo(SYSTEM_CLOCK_SUPPLIER);
          }
          return sleeps(target) || readsSystemTime(target);
        });
  }

  private static boolean sleeps(AccessTarget target) {
    return target.getName().equals("sleep")
        && (isOwnedBy(target, Thread.class) || isOwnedBy(target, TimeUnit.class));
  }

  private static boolean readsSystemTime(AccessTarget target) {
    if (isOwnedBy(target, System.class)) {
      return target.getName().equals("currentTimeMillis") || target.getName().equals("nanoTime");
    }
    return target.getOwner().getPackageName().startsWith("java.time")
        && target.getName().equals("now")
        && target instanceof CodeUnitAccessTarget codeUnit
        && codeUnit.getRawParameterTypes().stream()
            .noneMatch(type -> type.isEquivalentTo(Clock.class));
  }

  private static boolean createsSystemClock(AccessTarget target) {
    String name = target.getName();
    return (isOwnedBy(target, Clock.class)
            && (name.equals("systemUTC")
                || name.equals("systemDefaultZone")
                || name.equals("system")))
        || (isOwnedBy(target, InstantSource.class) && name.equals("system"));
  }

  /**
   * Matches the other ways of writing to the console or logging outside SLF4J:
   * {@code Throwable.printStackTrace()} (to standard error) and {@code System.getLogger}.
   */
  private static DescribedPredicate<JavaAccess<?>> writesToTheConsoleOrPlatformLogger() {
    return DescribedPredicate.describe(
        "target is Throwable.printStackTrace() or System.getLogger(..)",
        access -> {
          AccessTarget target = access.getTarget();
          boolean printStackTrace =
              target.getName().equals("printStackTrace")
                  && target instanceof CodeUnitAccessTarget codeUnit
                  && codeUnit.getRawParameterTypes().isEmpty()
                  && target.getOwner().isAssignableTo(Throwable.class);
          boolean platformLogger =
              isOwnedBy(target, System.class) && target.getName().equals("getLogger");
          return printStackTrace || platformLogger;
        });
  }

  private static boolean isOwnedBy(AccessTarget target, Class<?> owner) {
    return target.getOwner().isEquivalentTo(owner);
  }

  /**
   * Accepts what cau-api may hold: interfaces (including annotations and package-info), records,
   * enums, exceptions and the value class {@link PluginArguments}.
   */
  private static DescribedPredicate<JavaClass> interfaceRecordEnumExceptionOrAllowedValueClass() {
    return INTERFACES
        .or(RECORDS)
        .or(ENUMS)
        .or(assignableTo(Throwable.class))
        .or(equivalentTo(PluginArguments.class))
        .as(
            "an interface, a record, an enum, an exception or the value class "
                + PluginArguments.class.getName());
  }
}

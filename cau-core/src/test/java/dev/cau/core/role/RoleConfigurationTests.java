package dev.cau.core.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.core.schedule.UpdateSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleConfigurationTests {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");
  private static final ZonedDateTime THIRD_TUESDAY_OF_JANUARY =
      ZonedDateTime.of(LocalDateTime.of(2026, 1, 20, 3, 0), NEW_YORK);
  private static final ZonedDateTime THIRD_TUESDAY_OF_FEBRUARY =
      ZonedDateTime.of(LocalDateTime.of(2026, 2, 17, 3, 0), NEW_YORK);

  private static RoleConfiguration.Builder monthly() {
    return RoleConfiguration.builder("CAU-Role").defaultSchedule(NEW_YORK, LocalDate.of(2026, 1, 1));
  }

  private static RoleConfiguration.Builder once(ZonedDateTime at) {
    return RoleConfiguration.builder("CAU-Role").schedule(UpdateSchedule.once().startDate(at).build());
  }

  @Test
  void anEnabledRoleIsDueAtItsSchedulesNextTrigger() {
    assertThat(monthly().build().nextRun(NEW_YEAR)).contains(THIRD_TUESDAY_OF_JANUARY);
  }

  @Test
  void aDisabledRoleIsNeverDue() {
    RoleConfiguration disabled = monthly().status(RoleStatus.DISABLED).build();

    assertThat(disabled.nextRun(NEW_YEAR)).isEmpty();
    assertThat(disabled.toBuilder().updateNowRequested(true).build().nextRun(NEW_YEAR)).isEmpty();
  }

  @Test
  void aPendingUpdateNowIsDueAtTheInstantAskedAbout() {
    Instant now = Instant.parse("2026-03-04T05:06:07Z");

    assertThat(monthly().updateNowRequested(true).build().nextRun(now)).contains(now.atZone(NEW_YORK));
  }

  @Test
  void aTriggerAtOrBeforeTheLastRunsStartIsNotDueAgain() {
    RoleConfiguration ran = monthly().lastRunStarted(THIRD_TUESDAY_OF_JANUARY.toInstant()).build();

    assertThat(ran.nextRun(NEW_YEAR)).contains(THIRD_TUESDAY_OF_FEBRUARY);
  }

  @Test
  void aTriggerMissedSinceTheLastLookIsFoundWhenLookingFromThere() {
    Instant lastLook = THIRD_TUESDAY_OF_JANUARY.toInstant().minusSeconds(3600);

    assertThat(monthly().build().nextRun(lastLook)).contains(THIRD_TUESDAY_OF_JANUARY);
  }

  @Test
  void aRunOnceScheduleIsDueUntilItsTimeHasPassed() {
    ZonedDateTime at = ZonedDateTime.of(LocalDateTime.of(2026, 6, 1, 1, 0), NEW_YORK);
    RoleConfiguration configuration = once(at).build();

    assertThat(configuration.nextRun(NEW_YEAR)).contains(at);
    assertThat(configuration.nextRun(at.toInstant())).isEmpty();
  }

  @Test
  void aRunOnceScheduleWhoseRunStartedIsOverEvenLookingFromEarlier() {
    ZonedDateTime at = ZonedDateTime.of(LocalDateTime.of(2026, 6, 1, 1, 0), NEW_YORK);

    assertThat(once(at).lastRunStarted(at.toInstant()).build().nextRun(NEW_YEAR)).isEmpty();
  }

  @Test
  void aRunStartedBeforeARunOnceTimeDoesNotUseItUp() {
    ZonedDateTime at = ZonedDateTime.of(LocalDateTime.of(2026, 6, 1, 1, 0), NEW_YORK);

    assertThat(once(at).lastRunStarted(at.toInstant().minusSeconds(1)).build().nextRun(NEW_YEAR)).contains(at);
  }

  @Test
  void aConfigurationNeedsASchedule() {
    assertThatThrownBy(() -> RoleConfiguration.builder("CAU-Role").build())
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.option()).isEqualTo("StartDate"))
        .hasMessageContaining("a schedule, or a zone and start date for CAU's default schedule");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "CAU\nRole", "CAU\u0000Role"})
  void aGroupNameMustBeAName(String name) {
    assertThatThrownBy(() -> RoleConfiguration.builder(name))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.option()).isEqualTo("GroupName"))
        .hasMessageContaining("not blank, without line breaks or other control characters");
  }

  @Test
  void defaultsAreEnabledWithDefaultOptionsAndNothingPending() {
    RoleConfiguration configuration = monthly().build();

    assertThat(configuration.isEnabled()).isTrue();
    assertThat(configuration.options().maxRetriesPerNode()).isEqualTo(3);
    assertThat(configuration.updateNowRequested()).isFalse();
    assertThat(configuration.lastRunStarted()).isEmpty();
    assertThat(configuration).hasToString("RoleConfiguration[GroupName=CAU-Role, Status=Online, schedule="
        + configuration.schedule() + ", options=" + configuration.options() + "]");
  }
}

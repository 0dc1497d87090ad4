package dev.cau.core.role;

import static dev.cau.core.role.FakeCluster.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginNotFoundException;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.schedule.UpdateSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CauClusterRoleTests {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");
  private static final UpdateSchedule FRIDAYS = UpdateSchedule.weekly(EnumSet.of(DayOfWeek.FRIDAY), 2)
      .startDate(LocalDateTime.of(2026, 1, 2, 22, 0), PARIS)
      .build();

  private final InMemoryRunStore store = new InMemoryRunStore();
  private final FakeCluster cluster = FakeCluster.of(3, role("CAU-Role"), role("SQL"));
  private final CauClusterRole role = CauClusterRole.of(cluster, store, TestPlugins.REGISTRY);

  private static RoleConfiguration configuration() {
    return RoleConfiguration.builder("CAU-Role").defaultSchedule(PARIS, JAN_1).build();
  }

  @Test
  void addStoresTheConfigurationThatGetReadsBack() {
    RoleConfiguration added = role.add(RoleConfiguration.builder("CAU-Role")
        .options(RunOptions.builder().maxRetriesPerNode(2).nodeOrder(List.of("n3", "n1")).build())
        .schedule(FRIDAYS)
        .build());

    RoleConfiguration read = role.get().orElseThrow();
    assertThat(store.writes()).hasSize(1);
    for (RoleConfiguration c : List.of(added, read)) {
      assertThat(c.groupName()).isEqualTo("CAU-Role");
      assertThat(c.status()).isEqualTo(RoleStatus.ENABLED);
      assertThat(c.schedule()).isEqualTo(FRIDAYS);
      assertThat(c.options().maxRetriesPerNode()).isEqualTo(2);
      assertThat(c.options().nodeOrder()).containsExactly("n3", "n1");
      assertThat(c.updateNowRequested()).isFalse();
      assertThat(c.lastRunStarted()).isEmpty();
    }
  }

  @Test
  void addWithoutAScheduleGivenTakesTheThirdTuesdayAtThree() {
    role.add(configuration());

    UpdateSchedule schedule = role.get().orElseThrow().schedule();
    assertThat(schedule).isEqualTo(UpdateSchedule.defaults(PARIS, JAN_1));
    assertThat(role.nextRun(NEW_YEAR))
        .contains(ZonedDateTime.of(LocalDateTime.of(2026, 1, 20, 3, 0), PARIS));
  }

  @Test
  void addRefusesWhenAConfigurationExists() {
    role.add(configuration());

    assertThatThrownBy(() -> role.add(RoleConfiguration.builder("SQL").defaultSchedule(PARIS, JAN_1).build()))
        .isInstanceOfSatisfying(CauClusterRoleException.class,
            e -> assertThat(e.reason()).isEqualTo(CauClusterRoleException.Reason.ALREADY_CONFIGURED))
        .hasMessageContaining("\"c1\" already has a self-updating role configuration")
        .hasMessageContaining("use set(...)")
        .hasMessageContaining("remove()");
    assertThat(store.writes()).hasSize(1);
    assertThat(role.get().orElseThrow().groupName()).isEqualTo("CAU-Role");
  }

  @Test
  void addRefusesAGroupThatIsNotAClusteredRole() {
    assertThatThrownBy(() -> role.add(RoleConfiguration.builder("CAU-Rol").defaultSchedule(PARIS, JAN_1).build()))
        .isInstanceOfSatisfying(InvalidOptionsException.class,
            e -> assertThat(e.option()).isEqualTo("GroupName"))
        .hasMessage("\"GroupName\" must be the name of a clustered role of cluster \"c1\""
            + " ([\"CAU-Role\", \"SQL\"]), but was \"CAU-Rol\"");
    assertThat(store.writes()).isEmpty();
  }

  @Test
  void addRefusesAGroupOnAClusterWithoutRoles() {
    CauClusterRole bare = CauClusterRole.of(FakeCluster.of(3), store, TestPlugins.REGISTRY);

    assertThatThrownBy(() -> bare.add(configuration()))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("clustered role of cluster \"c1\" (it has none)");
    assertThat(store.writes()).isEmpty();
  }

  @Test
  void addRefusesARoleThatOnlyOneNodeMayOwn() {
    CauClusterRole pinned = CauClusterRole.of(
        FakeCluster.of(3, role("CAU-Role", "n1")), store, TestPlugins.REGISTRY);

    assertThatThrownBy(() -> pinned.add(configuration()))
        .isInstanceOfSatisfying(InvalidOptionsException.class,
            e -> assertThat(e.option()).isEqualTo("GroupName"))
        .hasMessage("\"GroupName\" must be a clustered role that at least two nodes of cluster \"c1\""
            + " may own, so that it can fail over when the node that owns it is updated (CAU's rule:"
            + " at least two failover cluster nodes must be possible owners of the CAU clustered"
            + " role), but was \"CAU-Role\", whose possible owners are [\"n1\"], of which the"
            + " cluster's nodes are [\"n1\"]");
    assertThat(store.writes()).isEmpty();
  }

  @Test
  void addCountsOnlyPossibleOwnersThatAreNodesOfTheCluster() {
    CauClusterRole stale = CauClusterRole.of(
        FakeCluster.of(3, role("CAU-Role", "n1", "old-node")), store, TestPlugins.REGISTRY);

    assertThatThrownBy(() -> stale.add(configuration()))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("whose possible owners are [\"n1\", \"old-node\"], of which the cluster's"
            + " nodes are [\"n1\"]");
    assertThat(store.writes()).isEmpty();
  }

  @Test
  void addRefusesAOneNodeClusterWhereEveryNodeMayOwnTheRole() {
    CauClusterRole single = CauClusterRole.of(FakeCluster.of(1, role("CAU-Role")), store, TestPlugins.REGISTRY);

    assertThatThrownBy(() -> single.add(configuration()))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageContaining("whose possible owners are every node: [\"n1\"]")
        .hasMessageContaining("at least two nodes of cluster \"c1\"");
    assertThat(store.writes()).isEmpty();
  }

  @Test
  void addAcceptsTwoPossibleOwners() {
    CauClusterRole two = CauClusterRole.of(
        FakeCluster.of(3, role("CAU-Role", "n2", "n3")), store, TestPlugins.REGISTRY);

    two.add(configuration());

    assertThat(store.writes()).hasSize(1);
  }

  static Stream<Arguments> optionsTheClusterRefuses() {
    return Stream.of(
        Arguments.of(RunOptions.builder().maxFailedNodes(3).build(), "MaxFailedNodes",
            "\"MaxFailedNodes\" must be between 0 and 2 (below the cluster's 3 nodes), but was 3"),
        Arguments.of(RunOptions.builder().nodeOrder(List.of("n2", "n7")).build(), "NodeOrder",
            "but was \"n7\""),
        Arguments.of(RunOptions.builder().siteAwareUpdatingOrder(List.of("Paris")).build(),
            "SiteAwareUpdatingOrder", "none are defined"),
        Arguments.of(RunOptions.builder().plugin(new PluginSelection(TestPlugins.FIRMWARE,
                Map.of("Repositry", "x"))).build(),
            "CauPluginArguments[Contoso.Firmware]", "\"Repositry\""),
        Arguments.of(RunOptions.builder().plugin(new PluginSelection(TestPlugins.FIRMWARE,
                Map.of("Retries", "many"))).build(),
            "CauPluginArguments[Contoso.Firmware].Retries", "a whole number"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("optionsTheClusterRefuses")
  void addChecksTheOptionsAgainstTheClusterAndWritesNothing(RunOptions options, String option, String message) {
    RoleConfiguration configuration = configuration().toBuilder().options(options).build();

    assertThatThrownBy(() -> role.add(configuration))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.option()).isEqualTo(option))
        .hasMessageContaining(message);
    assertThat(store.writes()).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("optionsTheClusterRefuses")
  void setChecksTheOptionsAgainstTheClusterAndWritesNothing(RunOptions options, String option, String message) {
    role.add(configuration());

    assertThatThrownBy(() -> role.set(options))
        .isInstanceOfSatisfying(InvalidOptionsException.class, e -> assertThat(e.option()).isEqualTo(option))
        .hasMessageContaining(message);
    assertThat(store.writes()).hasSize(1);
  }

  @Test
  void addRefusesAPluginThatIsNotRegistered() {
    RoleConfiguration configuration = configuration().toBuilder()
        .options(RunOptions.builder().plugin("Contoso.Unknown").build())
        .build();

    assertThatThrownBy(() -> role.add(configuration))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("Contoso.Unknown");
    assertThat(store.writes()).isEmpty();
  }

  @Test
  void secretPluginArgumentsAreNeitherStoredNorNeededToAdd() {
    RunOptions withSecret = RunOptions.builder()
        .plugin(new PluginSelection(TestPlugins.FIRMWARE, Map.of("Repository", "\\\\fs2\\fw", "Password", "hunter2")))
        .build();
    RunOptions withoutSecret = RunOptions.builder()
        .plugin(new PluginSelection(TestPlugins.FIRMWARE, Map.of("Retries", "5")))
        .build();

    RoleConfiguration added = role.add(configuration().toBuilder().options(withSecret).build());

    assertThat(added.options().plugins())
        .containsExactly(new PluginSelection(TestPlugins.FIRMWARE, Map.of("Repository", "\\\\fs2\\fw")));
    assertThat(store.writes()).singleElement().asString().doesNotContain("hunter2").doesNotContain("Password");
    assertThat(role.set(withoutSecret).options().plugins())
        .containsExactly(new PluginSelection(TestPlugins.FIRMWARE, Map.of("Retries", "5")));
  }

  @Test
  void statusScheduleAndRunChangesKeepTheStoredOptionsWithoutLookingUpPlugIns() {
    role.add(configuration().toBuilder().options(RunOptions.builder()
        .plugin(new PluginSelection(TestPlugins.FIRMWARE, Map.of("Retries", "5"))).build()).build());
    CauClusterRole withoutPlugins = CauClusterRole.of(cluster, store, PluginRegistry.builder().build());

    withoutPlugins.disable();
    withoutPlugins.enable();
    withoutPlugins.set(FRIDAYS);
    withoutPlugins.updateNow();
    withoutPlugins.markRunStarted(NEW_YEAR);

    assertThat(withoutPlugins.parameters()).contains(new RoleParameter("CauPluginArguments.Contoso.Firmware.Retries", "5"));
    assertThat(withoutPlugins.get().orElseThrow().options().plugins())
        .containsExactly(new PluginSelection(TestPlugins.FIRMWARE, Map.of("Retries", "5")));
    assertThat(store.writes()).hasSize(6);
    assertThatThrownBy(() -> withoutPlugins.set(RunOptions.builder().plugin(TestPlugins.FIRMWARE).build()))
        .isInstanceOf(PluginNotFoundException.class);
    assertThat(store.writes()).hasSize(6);
  }

  @Test
  void withoutAConfigurationGetIsEmptyAndNothingIsDue() {
    assertThat(role.get()).isEmpty();
    assertThat(role.parameters()).isEmpty();
    assertThat(role.nextRun(NEW_YEAR)).isEmpty();
    assertThat(role.remove()).isFalse();
    assertThat(store.writes()).isEmpty();
  }

  static Stream<Arguments> operationsThatNeedAConfiguration() {
    RunOptions options = RunOptions.defaults();
    return Stream.of(
        op("set(options)", r -> r.set(options)),
        op("set(schedule)", r -> r.set(FRIDAYS)),
        op("set(options, schedule)", r -> r.set(options, FRIDAYS)),
        op("setUsingDefaults()", CauClusterRole::setUsingDefaults),
        op("setUsingDefaults(options)", r -> r.setUsingDefaults(options)),
        op("setUsingDefaults(schedule)", r -> r.setUsingDefaults(FRIDAYS)),
        op("updateNow()", CauClusterRole::updateNow),
        op("enable()", CauClusterRole::enable),
        op("disable()", CauClusterRole::disable),
        op("markRunStarted(at)", r -> r.markRunStarted(NEW_YEAR)));
  }

  private static Arguments op(String name, Consumer<CauClusterRole> operation) {
    return Arguments.of(name, operation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsThatNeedAConfiguration")
  void operationsOnARoleThatWasNotAddedAreRefused(String name, Consumer<CauClusterRole> operation) {
    assertThatThrownBy(() -> operation.accept(role))
        .isInstanceOfSatisfying(CauClusterRoleException.class,
            e -> assertThat(e.reason()).isEqualTo(CauClusterRoleException.Reason.NOT_CONFIGURED))
        .hasMessageContaining("cluster \"c1\" is not configured with a Cluster-Aware Updating clustered role")
        .hasMessageEndingWith("add(...) one first");
    assertThat(store.writes()).isEmpty();
  }

  @Test
  void setOptionsKeepsTheScheduleStatusAndRequest() {
    role.add(configuration());
    role.disable();

    RoleConfiguration set = role.set(RunOptions.builder().rebootTimeoutMinutes(30).build());

    assertThat(set.options().rebootTimeout()).hasMinutes(30);
    assertThat(set.schedule()).isEqualTo(UpdateSchedule.defaults(PARIS, JAN_1));
    assertThat(set.status()).isEqualTo(RoleStatus.DISABLED);
    assertThat(role.get().orElseThrow().options().rebootTimeout()).hasMinutes(30);
  }

  @Test
  void setScheduleKeepsTheOptions() {
    role.add(configuration().toBuilder().options(RunOptions.builder().maxRetriesPerNode(7).build()).build());

    RoleConfiguration set = role.set(FRIDAYS);

    assertThat(set.schedule()).isEqualTo(FRIDAYS);
    assertThat(set.options().maxRetriesPerNode()).isEqualTo(7);
    assertThat(role.get().orElseThrow().schedule()).isEqualTo(FRIDAYS);
  }

  @Test
  void setBothReplacesBoth() {
    role.add(configuration());

    RoleConfiguration set = role.set(RunOptions.builder().requireAllNodesOnline(true).build(), FRIDAYS);

    assertThat(set.options().requireAllNodesOnline()).isTrue();
    assertThat(set.schedule()).isEqualTo(FRIDAYS);
  }

  @Test
  void setUsingDefaultsRestoresTheDefaultOptionsAndScheduleFromTheSameStartDay() {
    role.add(RoleConfiguration.builder("CAU-Role")
        .options(RunOptions.builder().maxRetriesPerNode(7).build())
        .schedule(FRIDAYS)
        .build());

    RoleConfiguration set = role.setUsingDefaults();

    assertThat(set.options().maxRetriesPerNode()).isEqualTo(RunOptions.DEFAULT_MAX_RETRIES_PER_NODE);
    assertThat(set.schedule()).isEqualTo(UpdateSchedule.defaults(PARIS, LocalDate.of(2026, 1, 2)));
  }

  @Test
  void setUsingDefaultsWithOptionsRestoresTheDefaultSchedule() {
    role.add(RoleConfiguration.builder("CAU-Role").schedule(FRIDAYS).build());

    RoleConfiguration set = role.setUsingDefaults(RunOptions.builder().maxRetriesPerNode(7).build());

    assertThat(set.options().maxRetriesPerNode()).isEqualTo(7);
    assertThat(set.schedule().kind()).isEqualTo(UpdateSchedule.Kind.MONTHLY);
    assertThat(set.schedule().weeksOfMonth()).containsExactly(UpdateSchedule.DEFAULT_WEEK_OF_MONTH);
  }

  @Test
  void setUsingDefaultsWithAScheduleRestoresTheDefaultOptions() {
    role.add(configuration().toBuilder().options(RunOptions.builder().maxRetriesPerNode(7).build()).build());

    RoleConfiguration set = role.setUsingDefaults(FRIDAYS);

    assertThat(set.options().maxRetriesPerNode()).isEqualTo(RunOptions.DEFAULT_MAX_RETRIES_PER_NODE);
    assertThat(set.schedule()).isEqualTo(FRIDAYS);
  }

  @Test
  void updateNowMakesARunDueAtOnceUntilOneIsMarkedStarted() {
    role.add(configuration());
    Instant now = Instant.parse("2026-01-05T10:00:00Z");

    role.updateNow();

    assertThat(role.get().orElseThrow().updateNowRequested()).isTrue();
    assertThat(role.nextRun(now)).contains(now.atZone(PARIS));
    role.markRunStarted(now);
    assertThat(role.get().orElseThrow().updateNowRequested()).isFalse();
    assertThat(role.get().orElseThrow().lastRunStarted()).contains(now);
    assertThat(role.nextRun(now)).contains(ZonedDateTime.of(LocalDateTime.of(2026, 1, 20, 3, 0), PARIS));
  }

  @Test
  void updateNowOnADisabledRoleIsRefused() {
    role.add(configuration());
    role.disable();
    int writes = store.writes().size();

    assertThatThrownBy(role::updateNow)
        .isInstanceOfSatisfying(CauClusterRoleException.class,
            e -> assertThat(e.reason()).isEqualTo(CauClusterRoleException.Reason.DISABLED))
        .hasMessage("The self-updating role \"CAU-Role\" of cluster \"c1\" is disabled, so it cannot run"
            + " now; enable() it first");
    assertThat(store.writes()).hasSize(writes);
  }

  @Test
  void disableStopsRunsAndDropsAPendingRequestAndEnableLetsThemStartAgain() {
    role.add(configuration());
    role.updateNow();

    RoleConfiguration disabled = role.disable();

    assertThat(disabled.status()).isEqualTo(RoleStatus.DISABLED);
    assertThat(disabled.updateNowRequested()).isFalse();
    assertThat(role.nextRun(NEW_YEAR)).isEmpty();
    assertThat(role.enable().status()).isEqualTo(RoleStatus.ENABLED);
    assertThat(role.nextRun(NEW_YEAR)).contains(ZonedDateTime.of(LocalDateTime.of(2026, 1, 20, 3, 0), PARIS));
  }

  @Test
  void enablingAnEnabledRoleOrDisablingADisabledOneWritesNothing() {
    role.add(configuration());
    role.enable();
    role.disable();
    role.disable();

    assertThat(store.writes()).hasSize(2);
  }

  @Test
  void markRunStartedKeepsTheLaterOfTwoStarts() {
    role.add(configuration());
    Instant later = Instant.parse("2026-01-20T02:00:00Z");

    role.markRunStarted(later);
    RoleConfiguration marked = role.markRunStarted(later.minusSeconds(60));

    assertThat(marked.lastRunStarted()).contains(later);
  }

  @Test
  void aRunOnceScheduleIsUsedUpByItsRun() {
    ZonedDateTime once = ZonedDateTime.of(LocalDateTime.of(2026, 2, 1, 4, 0), PARIS);
    role.add(RoleConfiguration.builder("CAU-Role").schedule(UpdateSchedule.once().startDate(once).build()).build());

    assertThat(role.nextRun(NEW_YEAR)).contains(once);
    role.markRunStarted(once.toInstant().plusSeconds(1));

    assertThat(role.nextRun(NEW_YEAR)).isEmpty();
  }

  @Test
  void removeDeletesTheConfiguration() {
    role.add(configuration());

    assertThat(role.remove()).isTrue();

    assertThat(role.get()).isEmpty();
    assertThat(store.writes()).last().isEqualTo("(removed)");
    assertThat(role.remove()).isFalse();
    role.add(configuration());
    assertThat(role.get()).isPresent();
  }

  @Test
  void aDamagedConfigurationIsReportedAndCanBeRemoved() {
    store.preset("Version=1;GroupName=CAU-Role;Status=Maybe");

    assertThatThrownBy(role::get)
        .isInstanceOfSatisfying(InvalidRoleConfigurationException.class,
            e -> assertThat(e.field()).isEqualTo("Status"))
        .hasMessageContaining("field \"Status\" must be one of Enabled, Disabled, but was \"Maybe\"");
    assertThatThrownBy(role::enable).isInstanceOf(InvalidRoleConfigurationException.class);
    assertThat(store.writes()).isEmpty();

    assertThat(role.remove()).isTrue();
    assertThat(role.get()).isEmpty();
  }

  @Test
  void parametersAreTheRowsOfGetCauClusterRole() {
    role.add(RoleConfiguration.builder("CAU-Role")
        .options(RunOptions.builder().postUpdateScript("G:\\verifyupdatesinstalled.ps1").rebootTimeoutMinutes(10)
            .nodeOrder(List.of("n2", "n1")).build())
        .schedule(UpdateSchedule.monthly(EnumSet.of(DayOfWeek.TUESDAY), Set.of(3, 5))
            .startDate(LocalDateTime.of(2011, 10, 14, 3, 0), PARIS).build())
        .build());
    role.updateNow();

    List<RoleParameter> rows = role.parameters();

    assertThat(rows.subList(0, 6)).containsExactly(
        new RoleParameter("ResourceGroupName", "CAU-Role"),
        new RoleParameter("Status", "Online"),
        new RoleParameter("StartDate", "2011-10-14T03:00:00+02:00[Europe/Paris]"),
        new RoleParameter("DaysOfWeek", "4"),
        new RoleParameter("WeeksOfMonth", "3,5"),
        new RoleParameter("UpdateNow", "True"));
    assertThat(rows).contains(
        new RoleParameter("PostUpdateScript", "G:\\verifyupdatesinstalled.ps1"),
        new RoleParameter("RebootTimeoutMinutes", "10"),
        new RoleParameter("CauPluginName", RunOptions.DEFAULT_PLUGIN),
        new RoleParameter("NodeOrder", "n2,n1"));
    assertThat(rows).last().isEqualTo(new RoleParameter("QuorumPolicy", "StaticMajority"));
  }

  @Test
  void parametersShowTheWeeklyIntervalAndRunOnceAsCauNamesThem() {
    role.add(RoleConfiguration.builder("CAU-Role").schedule(FRIDAYS).build());
    assertThat(role.parameters()).contains(
        new RoleParameter("DaysOfWeek", "32"), new RoleParameter("WeeksInterval", "2"));

    role.disable();
    role.set(UpdateSchedule.once().startDate(LocalDateTime.of(2026, 3, 1, 3, 0), PARIS).build());
    assertThat(role.parameters())
        .contains(new RoleParameter("Status", "Offline"), new RoleParameter("RunOnce", "True"))
        .extracting(RoleParameter::name).doesNotContain("DaysOfWeek", "WeeksInterval", "WeeksOfMonth");
  }

  @Test
  void ofClusterUsesTheRunStoreTheClusterKeeps() {
    CauClusterRole fromCluster = CauClusterRole.of(cluster.withStore(store), TestPlugins.REGISTRY);

    fromCluster.add(configuration());

    assertThat(role.get()).isPresent();
    assertThatThrownBy(() -> CauClusterRole.of(cluster, TestPlugins.REGISTRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cluster \"c1\" keeps no run store");
  }
}

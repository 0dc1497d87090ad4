package dev.cau.plugin.apt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.PluginFailureException;
import dev.cau.plugin.apt.PlannedChange.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation parser reads real {@code apt-get -s} outputs exactly and refuses what breaks its bounds. */
class SimulationTests {
  @Test
  void aLabNodesUpgradeListsTheTwoUpgradablePackagesAndNotTheKeptBackOne() {
    List<PlannedChange> changes = Simulation.parse(Recorded.read("node-s-upgrade.txt"), "n1");

    assertThat(changes).extracting(PlannedChange::action, PlannedChange::name, PlannedChange::fromVersion,
        PlannedChange::toVersion, PlannedChange::origin).containsExactly(
            tuple(Action.INSTALL, "cau-lab-kernel", "1.0", "1.1", "cau-lab:lab [all]"),
            tuple(Action.INSTALL, "cau-lab-tool", "1.0", "1.1", "cau-lab:lab [all]"));
  }

  @Test
  void withNewPackagesTheNewDependencyHasNoInstalledVersion() {
    List<PlannedChange> changes = Simulation.parse(Recorded.read("node-s-with-new-pkgs-upgrade.txt"), "n1");

    assertThat(changes).extracting(PlannedChange::name, PlannedChange::fromVersion, PlannedChange::toVersion)
        .containsExactly(tuple("cau-lab-kernel", "1.0", "1.1"), tuple("cau-lab-newdep", null, "1.0"),
            tuple("cau-lab-lib", "1.0", "1.1"), tuple("cau-lab-tool", "1.0", "1.1"));
  }

  @Test
  void aDistUpgradeThatRemovesAPackageHasARemovalLine() {
    List<PlannedChange> changes = Simulation.parse(Recorded.read("node-s-dist-upgrade-remove.txt"), "n1");

    assertThat(changes).extracting(PlannedChange::action, PlannedChange::name, PlannedChange::fromVersion,
        PlannedChange::toVersion).containsExactly(
            tuple(Action.REMOVE, "cau-lab-lib", "1.0", null),
            tuple(Action.INSTALL, "cau-lab-kernel", "1.0", "1.1"),
            tuple(Action.INSTALL, "cau-lab-tool", "1.0", "1.2"));
  }

  @Test
  void aRealDebianHostsUpgradeReadsEveryInstLineWithEpochsOriginsAndTrailingNotes() {
    String output = Recorded.read("host-s-upgrade.txt");
    long instLines = output.lines().filter(l -> l.startsWith("Inst ")).count();

    List<PlannedChange> changes = Simulation.parse(output, "host");

    assertThat(changes).hasSize((int) instLines).hasSize(101);
    assertThat(changes).extracting(PlannedChange::name, PlannedChange::fromVersion, PlannedChange::toVersion,
        PlannedChange::origin).contains(
            tuple("login", "1:4.13+dfsg1-1+deb12u1", "1:4.13+dfsg1-1+deb12u2", "Debian:12.15/oldstable [amd64]"),
            tuple("libpam-modules-bin", "1.5.2-6+deb12u1", "1.5.2-6+deb12u2", "Debian:12.15/oldstable [amd64]"));
  }

  @Test
  void anInstLineItCannotReadIsAnErrorNamingTheLine() {
    assertThatThrownBy(() -> Simulation.parse("Reading package lists...\nInst -oAPT::X=1 [1.0] (1.1 x [all])\n", "n1"))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("node \"n1\"").hasMessageContaining("line 2").hasMessageContaining("-oAPT::X=1");
    assertThatThrownBy(() -> Simulation.parse("Inst cau-lab-tool [1.0] (1.1 x [all]\n", "n1"))
        .isInstanceOf(PluginFailureException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> Simulation.parse("Inst cau-lab-tool [1.0] (=1.1 x [all])\n", "n1"))
        .isInstanceOf(PluginFailureException.class);
  }

  @Test
  void anOverlongLineOrTooManyLinesAreRefused() {
    assertThatThrownBy(() -> Simulation.parse("Note " + "x".repeat(Simulation.MAX_LINE_LENGTH), "n1"))
        .isInstanceOf(PluginFailureException.class).hasMessageContaining("characters");
    assertThatThrownBy(() -> Simulation.parse("\n".repeat(Simulation.MAX_LINES + 1), "n1"))
        .isInstanceOf(PluginFailureException.class).hasMessageContaining("lines");
  }

  @Test
  void installedVersionsReadDpkgQuery() {
    InstalledVersions versions = InstalledVersions.parse(Recorded.read("node-dpkg-query.txt"));

    assertThat(versions.has("cau-lab-tool", "1.1")).isTrue();
    assertThat(versions.has("cau-lab-lib", "1.1")).isFalse();
    assertThat(versions.has("cau-lab-lib", "1.0")).isTrue();
    assertThat(versions.has("cau-lab-newdep", "1.0")).isFalse();
    assertThat(InstalledVersions.parse("cau-lab-tool\t1.1\trc \n").has("cau-lab-tool", "1.1"))
        .as("only configured files remain").isFalse();
  }
}

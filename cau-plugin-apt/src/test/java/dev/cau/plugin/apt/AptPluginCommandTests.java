package dev.cau.plugin.apt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.RunAs;
import dev.cau.api.capability.Shell;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the plug-in asks a node to run, against a node that answers with outputs recorded from
 * real apt runs: fixed programs and options, names and versions only after {@code --}, the
 * environment as {@code env} data, and results per package.
 */
class AptPluginCommandTests {
  private static final String INSTALLED_AFTER = "cau-lab-kernel\t1.1\tii \ncau-lab-tool\t1.1\tii \n";

  private static UpdatePlugin plugin(Map<String, String> arguments) {
    return new AptPluginProvider().create(PluginArguments.of(arguments));
  }

  @Test
  void scanUpdatesTheListsThenSimulatesAndReportsOneUpdatePerPackage() {
    ScriptedNode node = ScriptedNode.labNode(Recorded.read("node-s-upgrade.txt"), "", false, "");

    List<Update> updates = plugin(Map.of()).scan(ConformanceContext.on(ConformanceNode.of(node)));

    assertThat(updates).extracting(Update::id, Update::title).containsExactly(
        tuple("cau-lab-kernel=1.1", "cau-lab-kernel 1.0 -> 1.1"), tuple("cau-lab-tool=1.1", "cau-lab-tool 1.0 -> 1.1"));
    assertThat(node.requests).extracting(ProgramRequest::arguments).containsExactly(
        List.of("DEBIAN_FRONTEND=noninteractive", "LC_ALL=C", "/usr/bin/apt-get", "-q", "-o", "DPkg::Lock::Timeout=300",
            "update"),
        List.of("DEBIAN_FRONTEND=noninteractive", "LC_ALL=C", "/usr/bin/apt-get", "-q", "-o", "DPkg::Lock::Timeout=300",
            "-s", "upgrade"));
  }

  @Test
  void withNewPackagesAndDistUpgradeChooseTheSimulation() {
    ScriptedNode withNew = ScriptedNode.labNode(Recorded.read("node-s-with-new-pkgs-upgrade.txt"), "", false, "");
    ScriptedNode dist = ScriptedNode.labNode(Recorded.read("node-s-dist-upgrade-remove.txt"), "", false, "");

    List<Update> found = plugin(Map.of("WithNewPackages", "True", "UpdatePackageLists", "False"))
        .scan(ConformanceContext.on(ConformanceNode.of(withNew)));
    List<Update> distFound = plugin(Map.of("IncludeDistUpgrade", "True", "UpdatePackageLists", "False"))
        .scan(ConformanceContext.on(ConformanceNode.of(dist)));

    assertThat(withNew.requests.get(0).arguments()).endsWith("-s", "--with-new-pkgs", "upgrade");
    assertThat(found).extracting(Update::id).containsExactly("cau-lab-kernel=1.1", "cau-lab-newdep=1.0",
        "cau-lab-lib=1.1", "cau-lab-tool=1.1");
    assertThat(found.get(1).title()).isEqualTo("cau-lab-newdep 1.0 (new)");
    assertThat(dist.requests.get(0).arguments()).endsWith("-s", "dist-upgrade");
    assertThat(distFound).extracting(Update::id).containsExactly("cau-lab-kernel=1.1", "cau-lab-tool=1.2");
  }

  @Test
  void allowAndDenyListsFilterTheScan() {
    ScriptedNode node = ScriptedNode.labNode(Recorded.read("node-s-with-new-pkgs-upgrade.txt"), "", false, "");

    List<Update> allowed = plugin(Map.of("AllowPackages", "cau-lab-tool", "WithNewPackages", "True"))
        .scan(ConformanceContext.on(ConformanceNode.of(node)));
    List<Update> denied = plugin(Map.of("DenyPackages", "cau-lab-kernel cau-lab-newdep", "WithNewPackages", "True"))
        .scan(ConformanceContext.on(ConformanceNode.of(node)));

    assertThat(allowed).extracting(Update::id).containsExactly("cau-lab-tool=1.1");
    assertThat(denied).extracting(Update::id).containsExactly("cau-lab-lib=1.1", "cau-lab-tool=1.1");
  }

  @Test
  void everyProgramIsFixedRunsAsRootAndNamesFollowTheDoubleDash() {
    ScriptedNode node = ScriptedNode.labNode(Recorded.read("node-s-upgrade.txt"), INSTALLED_AFTER, true,
        "cau-lab-kernel\n");
    UpdatePlugin plugin = plugin(Map.of());
    ConformanceContext context = ConformanceContext.on(ConformanceNode.of(node));

    List<Update> updates = plugin.scan(context);
    plugin.stage(context, updates);
    plugin.install(context, updates);

    assertThat(node.requests).allSatisfy(request -> {
      assertThat(request.shell()).isEqualTo(Shell.NONE);
      assertThat(request.runAs()).isEqualTo(RunAs.SYSTEM);
      assertThat(request.program()).isIn(AptCommands.ENV, AptCommands.DPKG_QUERY, AptCommands.TEST, AptCommands.CAT);
      List<String> arguments = request.arguments();
      int dash = arguments.indexOf("--");
      for (int i = 0; i < arguments.size(); i++) {
        if (arguments.get(i).startsWith("cau-lab-")) {
          assertThat(dash).as("%s: a name after --", arguments).isBetween(0, i - 1);
        }
      }
    });
    assertThat(node.requests).extracting(r -> String.join(" ", r.arguments())).contains(
        "DEBIAN_FRONTEND=noninteractive LC_ALL=C /usr/bin/apt-get -q -o DPkg::Lock::Timeout=300 -y --download-only"
            + " install -- cau-lab-kernel=1.1 cau-lab-tool=1.1",
        "DEBIAN_FRONTEND=noninteractive LC_ALL=C /usr/bin/apt-get -q -o DPkg::Lock::Timeout=300 -s install --"
            + " cau-lab-kernel=1.1 cau-lab-tool=1.1",
        "DEBIAN_FRONTEND=noninteractive LC_ALL=C /usr/bin/apt-get -q -o DPkg::Lock::Timeout=300 -y"
            + " -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install --"
            + " cau-lab-kernel=1.1 cau-lab-tool=1.1",
        "-W -f=${binary:Package}\\t${Version}\\t${db:Status-Abbrev}\\n -- cau-lab-kernel cau-lab-tool",
        "-e /run/reboot-required", "-- /run/reboot-required.pkgs");
  }

  @Test
  void resultsArePerPackageAndOnlyTheNamedPackageNeedsTheRestart() {
    ScriptedNode node = ScriptedNode.labNode(Recorded.read("node-s-upgrade.txt"), INSTALLED_AFTER, true,
        "cau-lab-kernel\n");
    UpdatePlugin plugin = plugin(Map.of());
    ConformanceContext context = ConformanceContext.on(ConformanceNode.of(node));

    List<InstallResult> results = plugin.install(context, plugin.scan(context));

    assertThat(results).extracting(r -> r.update().id(), InstallResult::code, InstallResult::rebootRequired)
        .containsExactly(tuple("cau-lab-kernel=1.1", UpdateResultCode.SUCCEEDED, true),
            tuple("cau-lab-tool=1.1", UpdateResultCode.SUCCEEDED, false));
  }

  @Test
  void aFlagWithoutAListOfOurPackagesMakesEveryInstalledOneNeedTheRestart() {
    assertThat(RebootFlag.of(true, "").requiredFor("cau-lab-tool", java.util.Set.of("cau-lab-tool"))).isTrue();
    assertThat(RebootFlag.of(true, "linux-image-6.1.0-18-amd64\n")
        .requiredFor("cau-lab-tool", java.util.Set.of("cau-lab-tool"))).isTrue();
    assertThat(RebootFlag.of(true, "cau-lab-kernel\n-oX\n")
        .requiredFor("cau-lab-tool", java.util.Set.of("cau-lab-tool", "cau-lab-kernel"))).isFalse();
    assertThat(RebootFlag.NONE.requiredFor("cau-lab-tool", java.util.Set.of("cau-lab-tool"))).isFalse();
  }

  @Test
  void aPackageThatDidNotReachItsVersionFailsWithAptsExitCode() {
    ScriptedNode node = new ScriptedNode(request -> {
      if (request.program().equals(AptCommands.DPKG_QUERY)) {
        return ScriptedNode.ok(0, "cau-lab-kernel\t1.1\tii \ncau-lab-tool\t1.0\tii \n");
      }
      if (request.program().equals(AptCommands.TEST)) {
        return ScriptedNode.ok(1, "");
      }
      if (request.arguments().contains("-s")) {
        return ScriptedNode.ok(0, Recorded.read("node-s-upgrade.txt"));
      }
      return request.arguments().contains("install") ? ScriptedNode.ok(100, "") : ScriptedNode.ok(0, "");
    });
    UpdatePlugin plugin = plugin(Map.of());
    ConformanceContext context = ConformanceContext.on(ConformanceNode.of(node));

    List<InstallResult> results = plugin.install(context, plugin.scan(context));

    assertThat(results).extracting(r -> r.update().id(), InstallResult::code, InstallResult::errorCode)
        .containsExactly(tuple("cau-lab-kernel=1.1", UpdateResultCode.SUCCEEDED, 0),
            tuple("cau-lab-tool=1.1", UpdateResultCode.FAILED, 100));
  }

  @Test
  void aPlanThatWouldInstallADeniedDependencyOrRemoveAPackageInstallsNothing() {
    String simulation = Recorded.read("node-s-with-new-pkgs-upgrade.txt");
    ScriptedNode node = new ScriptedNode(request -> ScriptedNode.ok(0, simulation));
    UpdatePlugin plugin = plugin(Map.of("DenyPackages", "cau-lab-newdep", "WithNewPackages", "True"));
    ConformanceContext context = ConformanceContext.on(ConformanceNode.of(node));

    List<Update> updates = plugin.scan(context);
    assertThatThrownBy(() -> plugin.install(context, updates)).isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("would also install cau-lab-newdep 1.0").hasMessageContaining("DenyPackages")
        .hasMessageContaining("nothing was installed");
    assertThat(node.requests).noneMatch(r -> r.arguments().contains("-y") && !r.arguments().contains("-s")
        && !r.arguments().contains("--download-only"));

    ScriptedNode removing = new ScriptedNode(
        request -> ScriptedNode.ok(0, Recorded.read("node-s-dist-upgrade-remove.txt")));
    ConformanceContext removal = ConformanceContext.on(ConformanceNode.of(removing));
    UpdatePlugin plain = plugin(Map.of());
    assertThatThrownBy(() -> plain.install(removal, List.of(Update.of("cau-lab-tool=1.2", "cau-lab-tool 1.0 -> 1.2"))))
        .isInstanceOf(PluginFailureException.class).hasMessageContaining("would remove cau-lab-lib")
        .hasMessageContaining("IncludeDistUpgrade=True");
  }

  @Test
  void aFailedScanNamesTheNodeTheExitCodeAndAptsError() {
    ScriptedNode node = new ScriptedNode(request -> ProgramResultOf.failure(100,
        "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)"));

    assertThatThrownBy(() -> plugin(Map.of()).scan(ConformanceContext.on(ConformanceNode.of(node))))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("apt-get update on node \"conformance-node-1\" exited with 100: E: Could not get lock"
            + " /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)");
  }

  /** Results with standard error. */
  private static final class ProgramResultOf {
    static dev.cau.api.capability.ProgramResult failure(int exit, String stderr) {
      return dev.cau.api.capability.ProgramResult.ofSigned(exit, "", stderr);
    }
  }
}

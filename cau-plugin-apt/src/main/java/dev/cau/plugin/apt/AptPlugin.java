package dev.cau.plugin.apt;

import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Debian.AptPlugin} for one run. Stateless between calls, so one instance serves every
 * node concurrently.
 *
 * <p>Scan: {@code apt-get update} (unless turned off), then {@code apt-get -s upgrade} (with
 * {@code --with-new-pkgs}, or {@code dist-upgrade}, as the arguments say); each {@code Inst} line
 * the allow and deny lists permit is one update with the id {@code NAME=VERSION}. Stage:
 * {@code apt-get --download-only install -- NAME=VERSION...}. Install: a simulation of the same
 * install first, refused if it would install a package the updates do not name or remove one
 * (unless {@code IncludeDistUpgrade}); then the install, then {@code dpkg-query} for the version
 * each package really has, and Debian's {@code /run/reboot-required} files for the restart.
 */
final class AptPlugin implements UpdatePlugin {
  private final AptOptions options;

  AptPlugin(AptOptions options) {
    this.options = options;
  }

  AptOptions options() {
    return options;
  }

  @Override
  public List<Update> scan(PluginContext context) {
    ProgramRunner runner = context.require(ProgramRunner.class);
    context.cancellation().throwIfCancellationRequested();
    if (options.updateLists()) {
      succeed(context, runner, AptCommands.updateLists(), "AptUpdateFailed", "apt-get update");
    }
    context.cancellation().throwIfCancellationRequested();
    ProgramResult simulation =
        succeed(context, runner, AptCommands.simulateUpgrade(options), "AptSimulationFailed", "apt-get -s upgrade");
    List<Update> updates = new ArrayList<>();
    for (PlannedChange change : Simulation.parse(simulation.stdout(), context.nodeName())) {
      if (change.action() == PlannedChange.Action.REMOVE) {
        context.log().warn("The upgrade would remove " + change.name() + " " + change.fromVersion()
            + "; it is removed only as a consequence of an upgrade installed with IncludeDistUpgrade=True");
      } else if (!options.permits(change.name())) {
        context.log().info("Skipping " + change.name() + " " + change.toVersion() + ": not permitted by "
            + AptPluginProvider.ALLOW_PACKAGES + "/" + AptPluginProvider.DENY_PACKAGES);
      } else {
        updates.add(PackageUpdate.of(change).toUpdate(change.origin()));
      }
    }
    return List.copyOf(updates);
  }

  @Override
  public void stage(PluginContext context, List<Update> updates) {
    List<PackageUpdate> targets = readable(updates, context).values().stream()
        .flatMap(Optional::stream).filter(p -> options.permits(p.name())).toList();
    if (targets.isEmpty()) {
      return;
    }
    ProgramRunner runner = context.require(ProgramRunner.class);
    context.cancellation().throwIfCancellationRequested();
    succeed(context, runner, AptCommands.download(targets), "AptDownloadFailed", "apt-get --download-only install");
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    Map<Update, Optional<PackageUpdate>> packages = readable(updates, context);
    List<PackageUpdate> permitted = packages.values().stream().flatMap(Optional::stream)
        .filter(p -> options.permits(p.name())).toList();
    if (context.cancellation().isCancellationRequested()) {
      return results(updates, packages, permitted, UpdateResultCode.CANCELED, 0, InstalledVersions.parse(""),
          RebootFlag.NONE, context);
    }
    if (permitted.isEmpty()) {
      return results(updates, packages, permitted, UpdateResultCode.FAILED, 0, InstalledVersions.parse(""),
          RebootFlag.NONE, context);
    }
    ProgramRunner runner = context.require(ProgramRunner.class);
    // New packages come with the upgrade that needs them; naming them would mark them manually installed.
    List<PackageUpdate> targets = permitted.stream().filter(p -> !p.isNew()).toList();
    if (targets.isEmpty()) {
      targets = permitted;
    }
    checkPlan(context, runner, targets, permitted);
    context.cancellation().throwIfCancellationRequested();
    ProgramResult installed = runner.run(AptCommands.install(targets), context);
    if (!installed.succeeded()) {
      context.log().warn("apt-get install on node \"" + context.nodeName() + "\" exited with " + installed.exitCode()
          + ": " + tail(installed.stderr()));
    }
    ProgramResult query = runner.run(AptCommands.queryInstalled(permitted), context);
    RebootFlag flag = readRebootFlag(context, runner);
    return results(updates, packages, permitted, UpdateResultCode.FAILED, (int) installed.exitCode(),
        InstalledVersions.parse(query.stdout()), flag, context);
  }

  @Override
  public List<Class<?>> requiredCapabilities() {
    return List.of(ProgramRunner.class);
  }

  /**
   * Reads the restart flag with programs, not {@code NodeFiles}: {@code /run} is per node (in the
   * lab, per mount namespace), and only a program run where apt runs sees the same {@code /run};
   * it also keeps the plug-in to the one capability it needs anyway.
   */
  static RebootFlag readRebootFlag(PluginContext context, ProgramRunner runner) {
    ProgramResult exists = runner.run(AptCommands.rebootFlagExists(), context);
    if (!exists.succeeded()) {
      return RebootFlag.NONE;
    }
    ProgramResult names = runner.run(AptCommands.rebootPackages(), context);
    return RebootFlag.of(true, names.succeeded() && !names.outputTruncated() ? names.stdout() : "");
  }

  private void checkPlan(PluginContext context, ProgramRunner runner, List<PackageUpdate> targets,
      List<PackageUpdate> permitted) {
    ProgramResult simulation =
        succeed(context, runner, AptCommands.simulateInstall(targets), "AptSimulationFailed", "apt-get -s install");
    Set<String> named = permitted.stream().map(PackageUpdate::name).collect(Collectors.toSet());
    for (PlannedChange change : Simulation.parse(simulation.stdout(), context.nodeName())) {
      if (change.action() == PlannedChange.Action.REMOVE && !options.distUpgrade()) {
        throw new PluginFailureException("AptPlanRemoves", "Installing " + ids(targets) + " on node \""
            + context.nodeName() + "\" would remove " + change.name() + "; removals need IncludeDistUpgrade=True");
      }
      if (change.action() == PlannedChange.Action.INSTALL && !named.contains(change.name())) {
        String why = options.permits(change.name()) ? "which the updates to install do not name (scan again)"
            : "which " + AptPluginProvider.ALLOW_PACKAGES + "/" + AptPluginProvider.DENY_PACKAGES + " do not permit";
        throw new PluginFailureException("AptPlanChanged", "Installing " + ids(targets) + " on node \""
            + context.nodeName() + "\" would also install " + change.name() + " " + change.toVersion() + ", " + why
            + "; nothing was installed");
      }
    }
  }

  private static List<InstallResult> results(List<Update> updates, Map<Update, Optional<PackageUpdate>> packages,
      List<PackageUpdate> permitted, UpdateResultCode otherwise, int exitCode, InstalledVersions versions,
      RebootFlag flag, PluginContext context) {
    Instant now = context.clock().instant();
    Set<String> installedNames = new LinkedHashSet<>();
    permitted.stream().filter(p -> versions.has(p.name(), p.toVersion())).forEach(p -> installedNames.add(p.name()));
    List<InstallResult> results = new ArrayList<>();
    for (Update update : updates) {
      Optional<PackageUpdate> known = packages.get(update);
      if (known == null || known.isEmpty()) {
        results.add(InstallResult.failed(update, 0, now));
      } else if (!permitted.contains(known.get())) {
        results.add(new InstallResult(update, UpdateResultCode.NOT_APPLICABLE, 0, false, now));
      } else if (installedNames.contains(known.get().name())) {
        results.add(InstallResult.succeeded(update, flag.requiredFor(known.get().name(), installedNames), now));
      } else {
        results.add(new InstallResult(update, otherwise, exitCode == 0 && otherwise == UpdateResultCode.FAILED ? 1
            : exitCode, false, now));
      }
    }
    return results;
  }

  /** Reads each update's id; one that is not {@code NAME=VERSION} in Debian's syntax is never passed on. */
  private static Map<Update, Optional<PackageUpdate>> readable(List<Update> updates, PluginContext context) {
    Map<Update, Optional<PackageUpdate>> packages = new LinkedHashMap<>();
    for (Update update : updates) {
      Optional<PackageUpdate> read = PackageUpdate.from(update);
      if (read.isEmpty()) {
        context.log().warn("Update \"" + update.id() + "\" is not NAME=VERSION in Debian's syntax ("
            + PackageNames.NAME_RULE + "); it is not passed to apt");
      }
      packages.put(update, read);
    }
    return packages;
  }

  private static ProgramResult succeed(PluginContext context, ProgramRunner runner, ProgramRequest request,
      String errorId, String what) {
    ProgramResult result = runner.run(request, context);
    if (!result.succeeded()) {
      throw new PluginFailureException(errorId, what + " on node \"" + context.nodeName() + "\" exited with "
          + result.exitCode() + ": " + tail(result.stderr()));
    }
    if (result.outputTruncated()) {
      throw new PluginFailureException("AptOutputUnreadable", what + " on node \"" + context.nodeName()
          + "\" printed more than " + request.outputLimit() + " characters");
    }
    return result;
  }

  private static String ids(List<PackageUpdate> targets) {
    return targets.stream().map(PackageUpdate::id).collect(Collectors.joining(", "));
  }

  /** The end of an error output, where apt says what failed. */
  private static String tail(String text) {
    String stripped = text.strip();
    return stripped.length() <= 2000 ? stripped : "…" + stripped.substring(stripped.length() - 2000);
  }
}

package dev.cau.plugin.example.firmware;

import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Flashes RAID controller firmware through a node's {@link RaidControllerAgent}.
 *
 * <p>For each controller the target is the newest package the repository offers for its model.
 * The scan reports, per controller, the newest package that applies now: newer than the running
 * firmware and, if the package names a version it requires, with that version running. A
 * release reached through an earlier one is therefore reported by the scan after the earlier
 * one runs, which is after the restart its flash asks for. A controller with firmware pending a
 * restart is left alone until the restart. Older firmware is reported only with
 * {@code AllowDowngrade}.
 *
 * <p>An update's id is {@code <controller id>/<version>}, such as {@code ctrl0/7.2.0}. Flash exit
 * codes map to results: {@value RaidControllerAgent#EXIT_SUCCESS} succeeded,
 * {@value RaidControllerAgent#EXIT_SUCCESS_REBOOT_REQUIRED} succeeded with a restart required,
 * anything else failed with that error code. An agent that does not answer, or a node without
 * one, is an infrastructure failure: {@link PluginFailureException}. Cancellation is honoured
 * between packages; a flash in progress is left to finish. The API token goes to the agent only
 * and is never logged.
 *
 * <p>Instances hold only the run's arguments and are thread-safe.
 */
final class RaidFirmwarePlugin implements UpdatePlugin {
  private static final char ID_SEPARATOR = '/';

  private final String repository;
  private final String apiToken;
  private final boolean allowDowngrade;

  RaidFirmwarePlugin(String repository, String apiToken, boolean allowDowngrade) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
    this.allowDowngrade = allowDowngrade;
  }

  @Override
  public List<Update> scan(PluginContext context) {
    RaidControllerAgent agent = agent(context);
    List<RaidController> controllers =
        call(context, "list its RAID controllers", agent::controllers);
    List<FirmwarePackage> packages = packages(context, agent);
    List<Update> updates = new ArrayList<>();
    for (RaidController controller : controllers) {
      FirmwareVersion pending = controller.pendingVersion();
      if (pending != null) {
        context.log().info("Controller " + controller.id() + " has firmware " + pending
            + " pending; it runs after the node restarts");
        continue;
      }
      target(controller, packages).ifPresent(p -> updates.add(update(controller, p)));
    }
    context.log().info("Found " + updates.size() + " firmware update(s) for "
        + controllers.size() + " RAID controller(s) in repository " + repository);
    return updates;
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    RaidControllerAgent agent = agent(context);
    List<InstallResult> results = new ArrayList<>();
    List<FirmwarePackage> packages = null;
    for (int i = 0; i < updates.size(); i++) {
      if (context.cancellation().isCancellationRequested()) {
        Instant now = context.clock().instant();
        List<Update> notStarted = updates.subList(i, updates.size());
        notStarted.forEach(u ->
            results.add(new InstallResult(u, UpdateResultCode.CANCELED, 0, false, now)));
        context.log().warn("The run was canceled: " + notStarted.size()
            + " firmware package(s) were not flashed");
        return results;
      }
      if (packages == null) {
        packages = packages(context, agent);
      }
      results.add(installOne(context, agent, packages, updates.get(i)));
    }
    return results;
  }

  private InstallResult installOne(
      PluginContext context,
      RaidControllerAgent agent,
      List<FirmwarePackage> packages,
      Update update) {
    int separator = update.id().indexOf(ID_SEPARATOR);
    FirmwareVersion version = separator < 0 ? null : version(update.id().substring(separator + 1));
    if (version == null) {
      return notApplicable(context, update, "its id is not <controller>/<version>");
    }
    String controllerId = update.id().substring(0, separator);
    RaidController controller = call(context, "list its RAID controllers", agent::controllers)
        .stream().filter(c -> c.id().equals(controllerId)).findFirst().orElse(null);
    if (controller == null) {
      return notApplicable(context, update, "the node has no controller " + controllerId);
    }
    if (version.equals(controller.activeVersion())) {
      return new InstallResult(update, UpdateResultCode.ALREADY_INSTALLED, 0, false, now(context));
    }
    if (version.equals(controller.pendingVersion())) {
      return new InstallResult(update, UpdateResultCode.ALREADY_INSTALLED, 0, true, now(context));
    }
    FirmwarePackage firmware = packages.stream()
        .filter(p -> p.model().equals(controller.model()) && p.version().equals(version))
        .findFirst()
        .orElse(null);
    if (firmware == null) {
      return notApplicable(context, update, "the repository no longer offers it");
    }
    if (!applies(controller, firmware)) {
      return notApplicable(context, update, "it does not apply to firmware "
          + controller.activeVersion() + (allowDowngrade ? "" : " without AllowDowngrade"));
    }
    context.log().info("Flashing controller " + controller.id() + " (" + controller.model()
        + ") from " + controller.activeVersion() + " to " + version);
    int exitCode = call(context, "flash controller " + controller.id(),
        () -> agent.flash(controller.id(), firmware, repository, apiToken));
    Instant finished = now(context);
    return switch (exitCode) {
      case RaidControllerAgent.EXIT_SUCCESS -> {
        context.log().info("Controller " + controller.id() + " runs firmware " + version);
        yield InstallResult.succeeded(update, false, finished);
      }
      case RaidControllerAgent.EXIT_SUCCESS_REBOOT_REQUIRED -> {
        context.log().info("Controller " + controller.id() + " was flashed with firmware "
            + version + "; it runs after the node restarts");
        yield InstallResult.succeeded(update, true, finished);
      }
      default -> {
        context.log().warn("Flashing controller " + controller.id() + " with firmware " + version
            + " failed with exit code " + exitCode);
        yield InstallResult.failed(update, exitCode, finished);
      }
    };
  }

  /** Returns the package to report for a controller now, if any. */
  private Optional<FirmwarePackage> target(
      RaidController controller, List<FirmwarePackage> packages) {
    List<FirmwarePackage> fitting = packages.stream()
        .filter(p -> p.model().equals(controller.model()))
        .sorted(Comparator.comparing(FirmwarePackage::version).reversed())
        .toList();
    if (fitting.isEmpty()) {
      return Optional.empty();
    }
    FirmwarePackage newest = fitting.get(0);
    if (newest.version().compareTo(controller.activeVersion()) < 0) {
      return allowDowngrade ? Optional.of(newest) : Optional.empty();
    }
    return fitting.stream().filter(p -> applies(controller, p)).findFirst();
  }

  /** Tells whether a package may be flashed onto a controller as it runs now. */
  private boolean applies(RaidController controller, FirmwarePackage firmware) {
    FirmwareVersion active = controller.activeVersion();
    int order = firmware.version().compareTo(active);
    if (order < 0) {
      return allowDowngrade;
    }
    FirmwareVersion required = firmware.requiresActive();
    return order > 0 && (required == null || active.compareTo(required) >= 0);
  }

  private List<FirmwarePackage> packages(PluginContext context, RaidControllerAgent agent) {
    return call(context, "list the packages of repository " + repository,
        () -> agent.packages(repository, apiToken));
  }

  private static Update update(RaidController controller, FirmwarePackage firmware) {
    boolean downgrade = firmware.version().compareTo(controller.activeVersion()) < 0;
    String notes = firmware.releaseNotes().isBlank() ? "" : ". " + firmware.releaseNotes();
    return new Update(
        controller.id() + ID_SEPARATOR + firmware.version(),
        "Contoso RAID firmware " + firmware.version() + " for controller " + controller.id()
            + " (" + controller.model() + ")",
        (downgrade ? "Downgrade" : "Upgrade") + " from " + controller.activeVersion() + notes);
  }

  private static InstallResult notApplicable(PluginContext context, Update update, String why) {
    context.log().warn("Firmware update " + update.id() + " was not flashed: " + why);
    return new InstallResult(update, UpdateResultCode.NOT_APPLICABLE, 0, false, now(context));
  }

  private static @Nullable FirmwareVersion version(String text) {
    try {
      return FirmwareVersion.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant now(PluginContext context) {
    return context.clock().instant();
  }

  private static RaidControllerAgent agent(PluginContext context) {
    return context.capability(RaidControllerAgent.class).orElseThrow(() ->
        new PluginFailureException("RaidAgentMissing", "Node \"" + context.nodeName()
            + "\" offers no RaidControllerAgent capability; install the Contoso RAID agent on"
            + " it and have its NodeController offer the agent"));
  }

  /** Makes a call to the agent; its failure is an infrastructure failure. */
  private static <T> T call(PluginContext context, String what, AgentCall<T> call) {
    try {
      return call.call();
    } catch (RaidAgentException e) {
      throw new PluginFailureException("RaidAgentFailed", "The RAID agent on node \""
          + context.nodeName() + "\" could not " + what + ": " + e.getMessage(), e);
    }
  }

  /** A call to the agent. */
  @FunctionalInterface
  private interface AgentCall<T> {
    T call() throws RaidAgentException;
  }
}

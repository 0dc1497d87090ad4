package dev.cau.plugin.example.firmware;

import dev.cau.testkit.conformance.ConformanceNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory Contoso RAID agent: controllers whose firmware changes when flashed, a
 * repository of packages behind a token, and exit codes chosen per package.
 *
 * <p>Public, and shipped in this module's test jar, because docs/testkit.md's examples use it and
 * cau-docs-tests compiles and runs them.
 */
public final class FakeRaidControllerAgent implements RaidControllerAgent {
  public static final String REPOSITORY = "https://firmware.contoso.example/raid";
  public static final String TOKEN = "tok-7Hq2xV-not-a-real-token";

  private final Map<String, State> controllers = new LinkedHashMap<>();
  private final List<FirmwarePackage> packages = new ArrayList<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private final List<String> flashed = new ArrayList<>();
  private boolean reachable = true;
  private Runnable afterFlash = () -> {};

  /**
   * A node with two controllers. ctrl0 (R-4200) runs 7.1.0; 8.0.0 can only be reached through
   * the bridge release 7.2.0, and both need a restart. ctrl1 (R-2100) runs 3.0.0; 3.1.0 runs at
   * once.
   */
  public static FakeRaidControllerAgent typical() {
    return new FakeRaidControllerAgent()
        .controller("ctrl0", "R-4200", "7.1.0")
        .controller("ctrl1", "R-2100", "3.0.0")
        .offers("R-4200", "7.1.0", null, "")
        .offers("R-4200", "7.2.0", null, "Bridge release")
        .offers("R-4200", "8.0.0", "7.2.0", "NVMe tri-mode support")
        .offers("R-2100", "3.1.0", null, "")
        .exitCode("R-2100", "3.1.0", EXIT_SUCCESS);
  }

  /** The typical node whose agent does not answer. */
  public static FakeRaidControllerAgent unreachable() {
    FakeRaidControllerAgent agent = typical();
    agent.reachable = false;
    return agent;
  }

  public FakeRaidControllerAgent controller(String id, String model, String active) {
    controllers.put(id, new State(model, FirmwareVersion.parse(active)));
    return this;
  }

  public FakeRaidControllerAgent offers(
      String model, String version, @Nullable String requiresActive, String notes) {
    packages.add(new FirmwarePackage(model, FirmwareVersion.parse(version),
        requiresActive == null ? null : FirmwareVersion.parse(requiresActive), notes));
    return this;
  }

  /** Sets the exit code of flashing a package; 3010 (restart required) by default. */
  public FakeRaidControllerAgent exitCode(String model, String version, int exitCode) {
    exitCodes.put(model + "/" + version, exitCode);
    return this;
  }

  /** Runs an action after every flash, such as requesting cancellation. */
  public FakeRaidControllerAgent afterFlash(Runnable action) {
    afterFlash = action;
    return this;
  }

  /** Returns the node that offers this agent and activates pending firmware when it restarts. */
  public ConformanceNode asNode() {
    return ConformanceNode.of(this).onRestart(this::restart);
  }

  /** Restarts the node: pending firmware starts running. */
  public void restart() {
    controllers.values().forEach(state -> {
      if (state.pending != null) {
        state.active = state.pending;
        state.pending = null;
      }
    });
  }

  /** Returns every flash, as {@code <controller>/<version>}, oldest first. */
  public List<String> flashed() {
    return List.copyOf(flashed);
  }

  @Override
  public List<RaidController> controllers() throws RaidAgentException {
    requireReachable();
    List<RaidController> list = new ArrayList<>();
    controllers.forEach((id, state) ->
        list.add(new RaidController(id, state.model, state.active, state.pending)));
    return list;
  }

  @Override
  public List<FirmwarePackage> packages(String repository, String apiToken)
      throws RaidAgentException {
    requireAuthorized(repository, apiToken);
    return List.copyOf(packages);
  }

  @Override
  public int flash(String controllerId, FirmwarePackage firmware, String repository,
      String apiToken) throws RaidAgentException {
    requireAuthorized(repository, apiToken);
    State state = controllers.get(controllerId);
    if (state == null || !state.model.equals(firmware.model())) {
      throw new IllegalArgumentException("No " + firmware.model() + " controller " + controllerId);
    }
    flashed.add(controllerId + "/" + firmware.version());
    int exitCode = exitCodes.getOrDefault(
        firmware.model() + "/" + firmware.version(), EXIT_SUCCESS_REBOOT_REQUIRED);
    if (exitCode == EXIT_SUCCESS) {
      state.active = firmware.version();
    } else if (exitCode == EXIT_SUCCESS_REBOOT_REQUIRED) {
      state.pending = firmware.version();
    }
    afterFlash.run();
    return exitCode;
  }

  private void requireReachable() throws RaidAgentException {
    if (!reachable) {
      throw new RaidAgentException("connection to the agent timed out after 30 s");
    }
  }

  private void requireAuthorized(String repository, String apiToken) throws RaidAgentException {
    requireReachable();
    if (!REPOSITORY.equals(repository)) {
      throw new RaidAgentException("no repository at " + repository);
    }
    if (!TOKEN.equals(apiToken)) {
      throw new RaidAgentException("the repository refused the token (HTTP 401)");
    }
  }

  private static final class State {
    final String model;
    FirmwareVersion active;
    @Nullable FirmwareVersion pending;

    State(String model, FirmwareVersion active) {
      this.model = model;
      this.active = active;
    }
  }
}

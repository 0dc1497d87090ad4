package dev.cau.plugin.rollingupgrade.simulated;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.RunAs;
import dev.cau.api.capability.Shell;
import dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A simulated node for the rolling-upgrade plug-in's node-side script: it answers the script's
 * requests with the documents the real script writes, from a modelled operating system (build,
 * revision, version), setup media, and setup's documented exit codes (windows-update.md 4.2:
 * {@code 0xC1900210} no compatibility issue, {@code 0xC1900208} blocked by an application,
 * {@code 3} upgrade done and continuing after a restart, and so on).
 *
 * <p>An upgrade that setup accepted is pending until the node boots ({@link #boot()}): the node
 * then runs the media's build, unless {@link #rollsBack()} was asked for. {@link Answer#restarts()}
 * says how many times the node restarts by itself after an answer, so that a simulator can take it
 * down and bring it back; setup restarts an upgrading node {@link #DEFAULT_SETUP_RESTARTS} times.
 * No Windows machine runs here: this is how the plug-in is tested end to end. Not thread-safe: a
 * simulation is single-threaded.
 */
public final class SimulatedUpgradeNode {
  /** Setup's exit code for a compatibility scan that found nothing, {@code MOSETUP_E_COMPAT_SCANONLY}. */
  public static final int COMPAT_SCANONLY = 0xC1900210;

  /** Setup's exit code for an application that blocks the upgrade, {@code MOSETUP_E_COMPAT_INSTALLREQ_BLOCK}. */
  public static final int COMPAT_INSTALLREQ_BLOCK = 0xC1900208;

  /** Setup's exit code for a machine that is not eligible, {@code MOSETUP_E_COMPAT_SYSREQ_BLOCK}. */
  public static final int COMPAT_SYSREQ_BLOCK = 0xC1900200;

  /** Setup's exit code for a successful upgrade that continues after a restart. */
  public static final int CONTINUE_REBOOT = 3;

  /** How many times setup restarts an upgrading node by itself. */
  public static final int DEFAULT_SETUP_RESTARTS = 3;

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2).maxStringLength(8192).build())
      .build();
  private static final String BODY = load();

  private String build;
  private long revision;
  private String displayVersion;
  private @Nullable String mediaImageVersion;
  private @Nullable String mockScript;
  private int compatExitCode = COMPAT_SCANONLY;
  private int upgradeExitCode = CONTINUE_REBOOT;
  private int mockExitCode;
  private int setupRestarts = DEFAULT_SETUP_RESTARTS;
  private boolean rollsBack;
  private int restartExitCode;
  private String @Nullable [] pending;
  private final List<String> operations = new ArrayList<>();
  private int upgrades;

  /**
   * Creates a node running an operating system.
   *
   * @param build its {@code CurrentBuild}, such as {@code 20349}
   * @param revision its {@code UBR}
   * @param displayVersion its {@code DisplayVersion}, such as {@code 22H2}
   */
  public SimulatedUpgradeNode(String build, long revision, String displayVersion) {
    this.build = Objects.requireNonNull(build, "build");
    this.revision = revision;
    this.displayVersion = Objects.requireNonNull(displayVersion, "displayVersion");
  }

  /**
   * Places extracted setup media on the node.
   *
   * @param imageVersion the install image's version, such as {@code 10.0.25398.469}
   * @return this node
   */
  public SimulatedUpgradeNode media(String imageVersion) {
    this.mediaImageVersion = Objects.requireNonNull(imageVersion, "imageVersion");
    return this;
  }

  /**
   * Places a mock-setup script on the node, at the path the plug-in is given.
   *
   * @param path the script's path
   * @return this node
   */
  public SimulatedUpgradeNode mockScript(String path) {
    this.mockScript = Objects.requireNonNull(path, "path");
    return this;
  }

  /**
   * Sets the exit code of setup's compatibility scan.
   *
   * @param code a documented code, such as {@link #COMPAT_INSTALLREQ_BLOCK}
   * @return this node
   */
  public SimulatedUpgradeNode compatExitCode(int code) {
    this.compatExitCode = code;
    return this;
  }

  /**
   * Sets the exit code of setup's upgrade.
   *
   * @param code a documented code; {@link #CONTINUE_REBOOT} by default
   * @return this node
   */
  public SimulatedUpgradeNode upgradeExitCode(int code) {
    this.upgradeExitCode = code;
    return this;
  }

  /**
   * Sets the exit code of the mock-setup script.
   *
   * @param code the code; 0 by default
   * @return this node
   */
  public SimulatedUpgradeNode mockExitCode(int code) {
    this.mockExitCode = code;
    return this;
  }

  /**
   * Makes {@code shutdown.exe} refuse to start the restart, with an exit code.
   *
   * @param code the non-zero exit code, such as 1190 ({@code ERROR_SHUTDOWN_IS_SCHEDULED})
   * @return this node
   */
  public SimulatedUpgradeNode refusesRestart(int code) {
    this.restartExitCode = code;
    return this;
  }

  /**
   * Makes the next upgrade roll back: the node boots on its old build.
   *
   * @return this node
   */
  public SimulatedUpgradeNode rollsBack() {
    this.rollsBack = true;
    return this;
  }

  /**
   * Stages an upgrade as a feature update installed by Windows Update leaves it: the node runs
   * the new build after its next boot.
   *
   * @param newBuild the build
   * @param newRevision the revision
   * @param newDisplayVersion the version
   */
  public void stageUpgrade(String newBuild, long newRevision, String newDisplayVersion) {
    pending = new String[] {newBuild, String.valueOf(newRevision), newDisplayVersion};
  }

  /** The node booted: a pending upgrade takes effect, unless it rolls back. */
  public void boot() {
    String[] staged = pending;
    pending = null;
    if (staged == null) {
      return;
    }
    if (rollsBack) {
      rollsBack = false;
      operations.add("rolled back to " + build);
      return;
    }
    build = staged[0];
    revision = Long.parseLong(staged[1]);
    displayVersion = staged[2];
    upgrades++;
    operations.add("booted " + build + "." + revision);
  }

  /**
   * Returns the build the node runs.
   *
   * @return {@code CurrentBuild}
   */
  public String build() {
    return build;
  }

  /**
   * Returns the update build revision the node runs.
   *
   * @return {@code UBR}
   */
  public long revision() {
    return revision;
  }

  /**
   * Returns the version the node runs.
   *
   * @return {@code DisplayVersion}
   */
  public String displayVersion() {
    return displayVersion;
  }

  /**
   * Returns how many upgrades took effect on this node.
   *
   * @return the count
   */
  public int upgrades() {
    return upgrades;
  }

  /**
   * Returns the operations the script was asked for, in order, and what booting did.
   *
   * @return for example {@code osversion}, {@code compat}, {@code upgrade}
   */
  public List<String> operations() {
    return List.copyOf(operations);
  }

  /**
   * Tells whether a request runs the plug-in's node-side script.
   *
   * @param request the request
   * @return whether it is the plug-in's PowerShell script
   */
  public static boolean isScriptRequest(ProgramRequest request) {
    return request.shell() == Shell.POWERSHELL && BODY.equals(request.program());
  }

  /**
   * What the script answered, how long it worked, and how many times the node restarts itself
   * once the answer is given.
   *
   * @param result the program's result
   * @param took the time it worked
   * @param restarts restarts that follow the answer; 0 for none
   */
  public record Answer(ProgramResult result, Duration took, int restarts) {}

  /**
   * Answers one run of the plug-in's script.
   *
   * @param request the request
   * @return the answer
   */
  public Answer answer(ProgramRequest request) {
    if (!isScriptRequest(request)) {
      return new Answer(new ProgramResult(1, "", "not the rolling-upgrade script", false), Duration.ZERO, 0);
    }
    if (request.runAs() != RunAs.SYSTEM) {
      return error("unknown", "setup must run as SYSTEM", Duration.ZERO);
    }
    Map<String, String> parameters = parameters(request.arguments().get(0));
    String operation = parameters.getOrDefault("operation", "unknown");
    String path = parameters.getOrDefault("path", "");
    operations.add(operation);
    switch (operation) {
      case "osversion":
        return document(operation, Duration.ofSeconds(5), 0, json -> {
          json.writeStringField("currentBuild", build);
          json.writeNumberField("ubr", revision);
          json.writeStringField("displayVersion", displayVersion);
        });
      case "media":
        if (mediaImageVersion == null) {
          return error(operation, "no sources\\install.wim in the media folder", Duration.ofSeconds(2));
        }
        String image = mediaImageVersion;
        return document(operation, Duration.ofSeconds(20), 0, json -> {
          json.writeStringField("imageVersion", image);
          json.writeStringField("imageName", "Azure Stack HCI");
        });
      case "compat":
        if (mediaImageVersion == null) {
          return error(operation, "no setup.exe in the media folder", Duration.ofSeconds(2));
        }
        return exitCode(operation, compatExitCode, Duration.ofMinutes(10), 0);
      case "upgrade":
        if (mediaImageVersion == null) {
          return error(operation, "no setup.exe in the media folder", Duration.ofSeconds(2));
        }
        if (upgradeExitCode == CONTINUE_REBOOT) {
          String[] parts = mediaImageVersion.split("\\.");
          stageUpgrade(parts[2], parts.length > 3 ? Long.parseLong(parts[3]) : 0,
              versionOf(parts[2]));
        }
        return exitCode(operation, upgradeExitCode, Duration.ofMinutes(45), 0);
      case "mock":
        if (!path.equals(mockScript)) {
          return error(operation, "the mock setup script does not exist", Duration.ofSeconds(1));
        }
        return exitCode(operation, mockExitCode, Duration.ofMinutes(2), 0);
      case "restart":
        if (restartExitCode != 0) {
          return exitCode(operation, restartExitCode, Duration.ofSeconds(1), 0);
        }
        return exitCode(operation, 0, Duration.ofSeconds(1), pending != null ? setupRestarts : 1);
      default:
        return error(operation, "unknown operation '" + operation + "'", Duration.ZERO);
    }
  }

  private static String versionOf(String build) {
    return switch (build) {
      case "20348" -> "21H2";
      case "20349" -> "22H2";
      case "25398" -> "23H2";
      case "26100" -> "24H2";
      default -> "";
    };
  }

  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  private static Answer exitCode(String operation, int code, Duration took, int restarts) {
    return document(operation, took, restarts, json -> json.writeNumberField("exitCode", code));
  }

  private static Answer document(String operation, Duration took, int restarts, Fields fields) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("schema", 1);
      json.writeStringField("operation", operation);
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Answer(new ProgramResult(0, out + "\n", "", false), took, restarts);
  }

  private static Answer error(String operation, String message, Duration took) {
    Answer written = document(operation, took, 0, json -> json.writeStringField("error", message));
    return new Answer(new ProgramResult(1, written.result().stdout(), "", false), took, 0);
  }

  private static Map<String, String> parameters(String document) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser parser = JSON.createParser(document)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return fields;
      }
      for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        String name = parser.currentName();
        parser.nextToken();
        fields.put(name, parser.getText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fields;
  }

  private static String load() {
    try (InputStream in = RollingUpgradePluginProvider.class.getResourceAsStream("rolling-upgrade.ps1")) {
      if (in == null) {
        throw new IllegalStateException("The plug-in's script resource rolling-upgrade.ps1 is missing from its jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

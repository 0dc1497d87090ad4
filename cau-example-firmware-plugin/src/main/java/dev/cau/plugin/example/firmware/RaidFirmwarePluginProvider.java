package dev.cau.plugin.example.firmware;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import java.util.List;

/**
 * Provides the Contoso RAID controller firmware plug-in, {@value #NAME}.
 *
 * <p>Arguments, as a run's {@code CauPluginArguments} gives them:
 *
 * <ul>
 *   <li>{@value #FIRMWARE_REPOSITORY} (required): the URL of the firmware repository the nodes'
 *       agents download from;
 *   <li>{@value #API_TOKEN} (required, secret): the token that authorizes the downloads; it is
 *       passed to the agent and never shown;
 *   <li>{@value #ALLOW_DOWNGRADE} (default {@code False}): whether to flash the repository's
 *       newest firmware onto a controller that runs a newer one.
 * </ul>
 */
public final class RaidFirmwarePluginProvider implements UpdatePluginProvider {
  /** The plug-in's name. */
  public static final String NAME = "Contoso.RaidFirmwarePlugin";

  /** The argument that names the firmware repository. */
  public static final String FIRMWARE_REPOSITORY = "FirmwareRepository";

  /** The secret argument that authorizes downloads from the repository. */
  public static final String API_TOKEN = "ApiToken";

  /** The argument that allows flashing older firmware than a controller runs. */
  public static final String ALLOW_DOWNGRADE = "AllowDowngrade";

  private static final List<PluginArgument> ARGUMENTS = List.of(
      PluginArgument.required(FIRMWARE_REPOSITORY, ArgumentType.STRING,
          "The URL of the Contoso firmware repository the nodes' RAID agents download from."),
      new PluginArgument(API_TOKEN, ArgumentType.STRING, null, true, true,
          "The token that authorizes downloads from the firmware repository."),
      PluginArgument.optional(ALLOW_DOWNGRADE, ArgumentType.BOOLEAN, "False",
          "Whether to flash the repository's newest firmware onto a controller that runs a"
              + " newer one."));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public RaidFirmwarePluginProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<PluginArgument> arguments() {
    return ARGUMENTS;
  }

  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    return new RaidFirmwarePlugin(
        required(arguments, FIRMWARE_REPOSITORY),
        required(arguments, API_TOKEN),
        arguments.getBoolean(ALLOW_DOWNGRADE).orElse(false));
  }

  private static String required(PluginArguments arguments, String name) {
    return arguments.get(name).orElseThrow(() -> new InvalidOptionsException(
        "CauPluginArguments[" + NAME + "]." + name, "absent", "given, as the plug-in requires it"));
  }
}

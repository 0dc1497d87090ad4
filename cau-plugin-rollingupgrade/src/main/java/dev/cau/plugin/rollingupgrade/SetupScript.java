package dev.cau.plugin.rollingupgrade;

import dev.cau.api.OperationContext;
import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.RunAs;
import dev.cau.api.capability.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Runs the node-side script, {@value #RESOURCE}, through a node's {@link ProgramRunner}: as
 * {@link RunAs#SYSTEM}, its body as the request's script, and its parameters as its one argument,
 * a JSON document. The media path travels inside that document only, never as script text.
 */
final class SetupScript {
  /** The script's resource name, beside this class. */
  static final String RESOURCE = "rolling-upgrade.ps1";

  /** The error id of a script that ended without a usable answer. */
  static final String SCRIPT_FAILED = "RollingUpgradePlugin.ScriptFailed";

  private static final String BODY = load();

  private SetupScript() {}

  /** The script's text, exactly as every node receives it. */
  static String body() {
    return BODY;
  }

  static ProgramRequest request(SetupProtocol.Operation operation, String path) {
    return ProgramRequest.script(Shell.POWERSHELL, BODY, List.of(SetupProtocol.parameters(operation, path)))
        .withRunAs(RunAs.SYSTEM)
        .withTimeout(timeout(operation))
        .withOutputLimit(SetupProtocol.MAX_DOCUMENT_CHARACTERS + 1);
  }

  /**
   * Runs one operation on the node and parses its answer.
   *
   * @throws PluginFailureException if the script failed or its answer breaks the schema
   */
  static SetupProtocol.Answer call(ProgramRunner runner, OperationContext context, SetupProtocol.Operation operation,
      String path) {
    ProgramResult result = runner.run(request(operation, path), context);
    if (result.outputTruncated()) {
      throw new PluginFailureException(SetupProtocol.MALFORMED_OUTPUT, "The rolling-upgrade script on node \""
          + context.nodeName() + "\" answered " + operation.wireName() + " with more than "
          + SetupProtocol.MAX_DOCUMENT_CHARACTERS + " characters; field \"(document)\" is too large");
    }
    if (!result.succeeded() && !result.stdout().strip().startsWith("{")) {
      throw new PluginFailureException(SCRIPT_FAILED, "The rolling-upgrade script on node \"" + context.nodeName()
          + "\" exited with " + result.signedExitCode() + " and no answer to " + operation.wireName()
          + firstLine(result.stderr()));
    }
    SetupProtocol.Answer answer = SetupProtocol.parse(context.nodeName(), operation, result.stdout());
    if (!result.succeeded()) {
      throw new PluginFailureException(SCRIPT_FAILED, "The rolling-upgrade script on node \"" + context.nodeName()
          + "\" answered " + operation.wireName() + " but exited with " + result.signedExitCode()
          + firstLine(result.stderr()));
    }
    return answer;
  }

  private static Duration timeout(SetupProtocol.Operation operation) {
    return switch (operation) {
      case OSVERSION, RESTART -> Duration.ofMinutes(5);
      case MEDIA -> Duration.ofMinutes(15);
      case COMPAT -> Duration.ofHours(1);
      case MOCK -> Duration.ofHours(2);
      case UPGRADE -> Duration.ofHours(4);
    };
  }

  private static String firstLine(String stderr) {
    String line = stderr.strip().lines().findFirst().orElse("");
    return line.isEmpty() ? "" : ": " + (line.length() > 300 ? line.substring(0, 300) + "..." : line);
  }

  private static String load() {
    try (InputStream in = SetupScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The plug-in's script resource " + RESOURCE + " is missing from its jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the plug-in's script resource " + RESOURCE, e);
    }
  }
}

package dev.cau.plugin.windowsupdate;

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
 * {@link RunAs#SYSTEM}, its body as the request's script (which travels on standard input or as a
 * file), and its parameters as its one argument, a JSON document. Nothing a caller gives becomes
 * script text.
 */
final class AgentScript {
  /** The script's resource name, beside this class. */
  static final String RESOURCE = "windows-update.ps1";

  /** The error id of a script that ended without a usable answer. */
  static final String SCRIPT_FAILED = "WindowsUpdatePlugin.ScriptFailed";

  private static final String BODY = load();

  private AgentScript() {}

  /**
   * Returns the script's text, exactly as every node receives it.
   *
   * @return the script body
   */
  static String body() {
    return BODY;
  }

  /**
   * Builds the request that runs one operation.
   *
   * @param operation what to do
   * @param criteria the search criteria's canonical text
   * @param updateIds the updates to download or install
   * @return the request
   */
  static ProgramRequest request(ScriptProtocol.Operation operation, String criteria, List<String> updateIds) {
    return ProgramRequest.script(Shell.POWERSHELL, BODY,
            List.of(ScriptProtocol.parameters(operation, criteria, updateIds)))
        .withRunAs(RunAs.SYSTEM)
        .withTimeout(timeout(operation))
        .withOutputLimit(BoundedJson.MAX_DOCUMENT_CHARACTERS + 1);
  }

  /**
   * Runs one operation on the node and parses its answer.
   *
   * @param runner the node's program runner
   * @param context the call's context
   * @param operation what to do
   * @param criteria the search criteria's canonical text
   * @param updateIds the updates to download or install
   * @return the answer
   * @throws PluginFailureException if the script failed or its answer breaks the schema
   */
  static ScriptOutput call(ProgramRunner runner, OperationContext context, ScriptProtocol.Operation operation,
      String criteria, List<String> updateIds) {
    ProgramResult result = runner.run(request(operation, criteria, updateIds), context);
    if (result.outputTruncated()) {
      throw new PluginFailureException(ScriptProtocol.MALFORMED_OUTPUT, "The Windows Update script on node \""
          + context.nodeName() + "\" answered " + operation.name().toLowerCase(java.util.Locale.ROOT)
          + " with more than " + BoundedJson.MAX_DOCUMENT_CHARACTERS + " characters; field \"(document)\" is too large");
    }
    if (!result.succeeded() && !result.stdout().strip().startsWith("{")) {
      throw new PluginFailureException(SCRIPT_FAILED, "The Windows Update script on node \"" + context.nodeName()
          + "\" exited with " + Hresults.describe(result.signedExitCode()) + " and no answer"
          + firstLine(result.stderr()));
    }
    ScriptOutput output = ScriptProtocol.parse(context.nodeName(), operation, result.stdout());
    if (!result.succeeded()) {
      throw new PluginFailureException(SCRIPT_FAILED, "The Windows Update script on node \"" + context.nodeName()
          + "\" answered but exited with " + Hresults.describe(result.signedExitCode()) + firstLine(result.stderr()));
    }
    return output;
  }

  private static Duration timeout(ScriptProtocol.Operation operation) {
    return switch (operation) {
      case STATUS -> Duration.ofMinutes(5);
      case SCAN -> Duration.ofMinutes(30);
      case DOWNLOAD -> Duration.ofHours(2);
      case INSTALL -> Duration.ofHours(4);
    };
  }

  private static String firstLine(String stderr) {
    String line = stderr.strip().lines().findFirst().orElse("");
    return line.isEmpty() ? "" : ": " + (line.length() > 300 ? line.substring(0, 300) + "..." : line);
  }

  private static String load() {
    try (InputStream in = AgentScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The plug-in's script resource " + RESOURCE + " is missing from its jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the plug-in's script resource " + RESOURCE, e);
    }
  }
}

package dev.cau.testkit;

import dev.cau.api.NodeOperationException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.plugin.UpdateResultCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plug-in that puts its secret argument {@code Password} into what it hands the engine, for the
 * tests that check no secret crosses the plug-in boundary. Its {@code Mode} says where:
 *
 * <ul>
 *   <li>{@code fine}: update titles and descriptions, of scans and of install results;
 *   <li>{@code failCreate}: the factory's exception, its message and its cause;
 *   <li>{@code failScan}: the cause and a suppressed exception of a scan failure;
 *   <li>{@code refuseLogin}: the message of a {@link PluginFailureException} from scan;
 *   <li>{@code program}: a program's argument, which the node echoes in its output lines;
 *   <li>{@code failInstall}: the message, cause and a suppressed exception of an install failure.
 * </ul>
 *
 * Any other mode makes the factory throw an exception without the secret.
 */
final class SecretEchoingPlugin implements UpdatePluginProvider, UpdatePlugin {
  static final String NAME = "Test.SecretEchoingPlugin";
  static final List<String> MODES = List.of("fine", "failCreate", "failScan", "refuseLogin", "program", "failInstall");

  private String password = "";
  private String mode = "";
  private final Set<String> installed = new HashSet<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<PluginArgument> arguments() {
    return List.of(
        new PluginArgument("Password", PluginArgument.ArgumentType.STRING, null, true, true, "a secret"),
        new PluginArgument("Mode", PluginArgument.ArgumentType.STRING, "fine", false, false, "where to put it"));
  }

  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    password = arguments.get("Password").orElseThrow();
    mode = arguments.get("Mode").orElseThrow();
    if (mode.equals("failCreate")) {
      throw new IllegalStateException("cannot log in to the update share with " + password,
          new IllegalArgumentException("password " + password + " refused"));
    }
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("Mode must be one of " + MODES + ", but was \"" + mode + "\"");
    }
    return this;
  }

  @Override
  public List<Update> scan(PluginContext context) {
    if (mode.equals("failScan")) {
      IllegalStateException failure = new IllegalStateException("the update share refused the login",
          new UncheckedIOException(new IOException("401 for password " + password)));
      failure.addSuppressed(new IllegalStateException("retry with " + password + " failed too"));
      throw failure;
    }
    if (mode.equals("refuseLogin")) {
      throw new PluginFailureException("LoginFailed", "login to the update share with password " + password + " failed");
    }
    if (mode.equals("program")) {
      context.require(ProgramRunner.class).run(ProgramRequest.program("sign-in", List.of(password)), context);
    }
    return installed.contains(context.nodeName())
        ? List.of()
        : List.of(new Update("KB-1", "Update for " + password, "Uses " + password));
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    if (mode.equals("refuseLogin")) {
      throw new NodeOperationException(context.nodeName(), "not reached");
    }
    if (mode.equals("failInstall")) {
      IllegalStateException failure = new IllegalStateException("install with password " + password + " failed",
          new IOException("share rejected " + password));
      failure.addSuppressed(new IllegalStateException("cleanup with " + password + " failed"));
      throw failure;
    }
    installed.add(context.nodeName());
    return updates.stream()
        .map(u -> new InstallResult(new Update(u.id(), "Update for " + password, "Uses " + password),
            UpdateResultCode.SUCCEEDED, 0, false, context.clock().instant(), null))
        .toList();
  }
}

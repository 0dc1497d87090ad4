// docs/plugin-capabilities.md: a plug-in's install step runs a program on the node. Compiled.
import dev.cau.api.capability.*;
import dev.cau.api.plugin.*;
import java.time.Duration;
import java.util.List;

class ProgramRunnerExample {
  InstallResult installPackage(PluginContext context, Update update, String packageName) {
    // @example
    return InstallResult.succeeded(update, false, context.clock().instant());
  }
}

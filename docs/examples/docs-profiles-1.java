// docs/profiles.md's calls, compiled (they read and write files named in the example).
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.profile.RunProfile;
import java.io.IOException;
import java.nio.file.Path;

class ProfileExample {
  void readAndWrite(PluginRegistry pluginRegistry) throws IOException {
    // @example
  }
}

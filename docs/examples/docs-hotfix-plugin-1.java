// docs/hotfix-plugin.md: a hotfix root folder planted on a simulated cluster. Compiled.
import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.AccessRight;
import dev.cau.api.capability.ShareSecurity;
import dev.cau.plugin.hotfix.HotfixPluginProvider;
import dev.cau.testkit.cluster.HotfixRootFolder;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedProgram;
import java.util.EnumSet;
import java.util.List;

class HotfixRootFolderExample {
  void plant(SimulatedCluster cluster, byte[] msu, byte[] bios) {
    // @example
  }
}

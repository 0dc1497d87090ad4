package dev.cau.plugin.hotfix;

import dev.cau.api.plugin.PluginArguments;
import dev.cau.testkit.cluster.HotfixRootFolder;
import dev.cau.testkit.cluster.SimulatedCluster;
import dev.cau.testkit.cluster.SimulatedNode;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Shared pieces of the hotfix plug-in's tests. */
final class Fixtures {
  static final String ROOT = "\\\\fs1\\Hotfixes\\Root";

  /** The shipped default plus a BIOS folder rule (alwaysReboot) and a Drivers folder rule. */
  static final String CONFIG = HotfixPluginProvider.defaultConfiguration().replace("<FolderRules/>", """
      <FolderRules>
          <Folder name="BIOS" alwaysReboot="true">
            <Template path="$update$" parameters="/s /l=bios.log"/>
            <ExitConditions>
              <Success><ExitCode code="0"/></Success>
              <Fail_RebootRequired><ExitCode code="3017"/></Fail_RebootRequired>
            </ExitConditions>
          </Folder>
          <Folder name="Drivers">
            <Template path="C:\\Windows\\System32\\pnputil.exe" parameters="/add-driver $update$ /install"/>
            <ExitConditions>
              <Success><ExitCode code="0"/></Success>
              <Success_RebootRequired><ExitCode code="3010"/></Success_RebootRequired>
              <AlreadyInstalled><ExitCode code="259"/></AlreadyInstalled>
            </ExitConditions>
          </Folder>
        </FolderRules>""");

  private Fixtures() {}

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static SimulatedCluster cluster(String... nodes) {
    SimulatedCluster.Builder builder = SimulatedCluster.builder("hv");
    for (String node : nodes) {
      builder.node(node);
    }
    return builder.build();
  }

  static HotfixRootFolder root() {
    return HotfixRootFolder.at(ROOT).configuration(CONFIG);
  }

  static HotfixArguments arguments(Map<String, String> more) {
    Map<String, String> values = new HashMap<>(more);
    values.putIfAbsent(HotfixPluginProvider.ROOT_FOLDER_PATH, ROOT);
    return HotfixArguments.from(PluginArguments.of(values));
  }

  static HotfixArguments arguments() {
    return arguments(Map.of());
  }

  /** A plug-in context on a simulated node (its name is the conformance kit's). */
  static ConformanceContext context(SimulatedNode node) {
    return ConformanceContext.on(ConformanceNode.of(node.files(), node.programs()));
  }
}

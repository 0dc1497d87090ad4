package dev.cau.plugin.hotfix;

import java.util.Map;
import java.util.Optional;

/**
 * A valid hotfix configuration: the extension rules and the folder rules, keyed by their names
 * as Windows compares them ({@link WindowsNames#upper}).
 *
 * @param extensionRules the rules for {@code .msu}, {@code .msi} and {@code .msp} files it has
 * @param folderRules the rules for folders, by folder name
 */
record HotfixConfig(Map<String, InstallerRule> extensionRules, Map<String, InstallerRule> folderRules) {
  HotfixConfig {
    extensionRules = Map.copyOf(extensionRules);
    folderRules = Map.copyOf(folderRules);
  }

  /** The rule for a file outside a folder-rule folder, by its extension. */
  Optional<InstallerRule> ruleForFile(String fileName) {
    return Optional.ofNullable(extensionRules.get(WindowsNames.extension(fileName)));
  }

  /** The rule of a folder, by its name as Windows compares it. */
  Optional<InstallerRule> ruleForFolder(String folderName) {
    return Optional.ofNullable(folderRules.get(WindowsNames.upper(folderName)));
  }
}

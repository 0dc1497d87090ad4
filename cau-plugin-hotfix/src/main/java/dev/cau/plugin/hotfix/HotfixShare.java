package dev.cau.plugin.hotfix;

import dev.cau.api.OperationContext;
import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a hotfix root folder's configuration and optional integrity manifest through a node's
 * {@link NodeFiles}, bounded in size.
 *
 * @param config the valid configuration
 * @param manifest the integrity manifest, or {@code null} when the root folder has none
 */
record HotfixShare(HotfixConfig config, @Nullable IntegrityManifest manifest) {
  static HotfixShare load(NodeFiles files, OperationContext context, HotfixArguments arguments) {
    String configName = arguments.configFileName();
    FileEntry root = files.stat(arguments.rootFolder(), context).orElseThrow(() -> new PluginFailureException(
        "HotfixRootFolderMissing", "Hotfix root folder \"" + arguments.rootFolder() + "\" does not exist on node \""
            + context.nodeName() + "\"; " + HotfixPluginProvider.ROOT_FOLDER_PATH + " must name an existing folder"));
    if (root.kind() != FileKind.DIRECTORY) {
      throw new PluginFailureException("HotfixRootFolderMissing", "Hotfix root folder \"" + arguments.rootFolder()
          + "\" is a " + kind(root.kind()) + ", not a folder");
    }
    FileEntry config = files.stat(arguments.configPath(), context).orElseThrow(() -> new HotfixConfigException(
        configName, 0, "", "the file does not exist in the root folder \"" + arguments.rootFolder() + "\"; allowed: a"
            + " configuration file named by " + HotfixPluginProvider.CONFIG_FILE_NAME));
    if (config.kind() != FileKind.FILE) {
      throw new HotfixConfigException(configName, 0, "", "it is a " + kind(config.kind()) + "; allowed: a regular file");
    }
    if (config.size() > BoundedXml.MAX_BYTES) {
      throw new HotfixConfigException(configName, 0, "", "the file holds " + config.size() + " bytes; allowed: at most "
          + BoundedXml.MAX_BYTES + " bytes");
    }
    HotfixConfig parsed = HotfixConfigReader.read(configName, files.read(arguments.configPath(), BoundedXml.MAX_BYTES,
        context));
    String manifestPath = arguments.resolve(IntegrityManifest.FILE_NAME);
    Optional<FileEntry> manifest = files.stat(manifestPath, context);
    if (manifest.isEmpty()) {
      return new HotfixShare(parsed, null);
    }
    if (manifest.get().kind() != FileKind.FILE) {
      throw new PluginFailureException(IntegrityManifest.INVALID, "Hotfix manifest \"" + manifestPath + "\" is a "
          + kind(manifest.get().kind()) + "; allowed: a regular file");
    }
    return new HotfixShare(parsed, IntegrityManifest.parse(files.read(manifestPath, IntegrityManifest.MAX_BYTES,
        context)));
  }

  private static String kind(FileKind kind) {
    return switch (kind) {
      case FILE -> "file";
      case DIRECTORY -> "folder";
      case LINK -> "link, which is never followed";
      case OTHER -> "special file";
    };
  }
}

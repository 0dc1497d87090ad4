package dev.cau.plugin.hotfix;

import dev.cau.api.OperationContext;
import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the files of a hotfix root folder that apply to one node, as CAU lays the folder out:
 *
 * <pre>
 * root\
 *   DefaultHotfixConfig.xml        the configuration (and CAUHotfixManifest.sha256, if any)
 *   CAUHotfix_All\                 for every node
 *     Update1.msu                  .msu, .msi and .msp files with an &lt;Extension&gt; rule
 *     BIOS\                        a folder a &lt;Folder&gt; rule names: every file in it
 *   NODE1\                         the NetBIOS name of one node: for that node only
 * </pre>
 *
 * <p>Everything else is ignored and listed, never followed: links, special files, files without
 * a rule, folders that are neither {@code CAUHotfix_All}, the node's folder nor a rule's folder,
 * folders below a rule's folder, and names Windows would not take as they are (trailing dots or
 * spaces, {@code ..}, reserved device names, forbidden characters). Names are compared as Windows
 * does ({@link WindowsNames#same}), so a lookalike of a node's name is ignored. A file whose name
 * holds characters installers read as syntax is refused and listed. Order: {@code CAUHotfix_All}
 * before the node's folder; in each, its files, then its rule folders; names in ordinal order of
 * their upper-cased form.
 */
final class RootFolderLayout {
  /** The folder whose updates apply to every node. */
  static final String ALL_NODES = "CAUHotfix_All";

  /** The most entries one folder may list. */
  static final int MAX_ENTRIES = 10_000;

  /**
   * What the layout found for a node.
   *
   * @param files the files that apply, in install order
   * @param ignored each entry left out, with why, by path relative to the root
   */
  record Found(List<HotfixFile> files, List<String> ignored) {
    Found {
      files = List.copyOf(files);
      ignored = List.copyOf(ignored);
    }
  }

  private final NodeFiles files;
  private final OperationContext context;
  private final HotfixArguments arguments;
  private final HotfixConfig config;
  private final List<HotfixFile> found = new ArrayList<>();
  private final List<String> ignored = new ArrayList<>();

  private RootFolderLayout(NodeFiles files, OperationContext context, HotfixArguments arguments, HotfixConfig config) {
    this.files = files;
    this.context = context;
    this.arguments = arguments;
    this.config = config;
  }

  /**
   * Lists what applies to a node.
   *
   * @param files the node's file capability
   * @param context the call's context
   * @param arguments the plug-in's arguments
   * @param config the configuration
   * @param nodeName the node's name; its NetBIOS name is the part before the first dot
   * @return the files and the ignored entries
   */
  static Found scan(NodeFiles files, OperationContext context, HotfixArguments arguments, HotfixConfig config,
      String nodeName) {
    RootFolderLayout layout = new RootFolderLayout(files, context, arguments, config);
    layout.root(netbiosName(nodeName));
    return new Found(layout.found, layout.ignored);
  }

  /** A node's NetBIOS name: its name up to the first dot. */
  static String netbiosName(String nodeName) {
    int dot = nodeName.indexOf('.');
    return dot < 0 ? nodeName : nodeName.substring(0, dot);
  }

  private void root(String netbios) {
    Optional<FileEntry> all = Optional.empty();
    Optional<FileEntry> own = Optional.empty();
    for (FileEntry e : list("")) {
      String name = e.name();
      if (e.kind() == FileKind.FILE && (WindowsNames.same(name, arguments.configFileName())
          || WindowsNames.same(name, IntegrityManifest.FILE_NAME))) {
        continue;
      }
      if (!followable(name, e)) {
        continue;
      }
      if (e.kind() == FileKind.DIRECTORY && WindowsNames.same(name, ALL_NODES)) {
        all = Optional.of(e);
      } else if (e.kind() == FileKind.DIRECTORY && WindowsNames.same(name, netbios)) {
        own = Optional.of(e);
      } else {
        ignore(name, "neither " + ALL_NODES + ", this node's folder " + netbios + ", nor the configuration file");
      }
    }
    all.ifPresent(e -> scope(e.name()));
    own.ifPresent(e -> scope(e.name()));
  }

  /** A folder for all nodes or for this node: its files with an extension rule, then its rule folders. */
  private void scope(String relative) {
    List<FileEntry> ruleFolders = new ArrayList<>();
    for (FileEntry e : list(relative)) {
      String path = relative + "\\" + e.name();
      if (!followable(path, e)) {
        continue;
      }
      if (e.kind() == FileKind.FILE) {
        Optional<InstallerRule> rule = config.ruleForFile(e.name());
        if (rule.isEmpty()) {
          ignore(path, "no <Extension> rule covers its type; other types are installed only from a folder a"
              + " <Folder> rule names");
        } else {
          add(path, e, rule.get());
        }
      } else if (config.ruleForFolder(e.name()).isPresent()) {
        ruleFolders.add(e);
      } else {
        ignore(path, "no <Folder> rule names this folder");
      }
    }
    for (FileEntry folder : ruleFolders) {
      InstallerRule rule = config.ruleForFolder(folder.name()).orElseThrow();
      String folderPath = relative + "\\" + folder.name();
      for (FileEntry e : list(folderPath)) {
        String path = folderPath + "\\" + e.name();
        if (!followable(path, e)) {
          continue;
        }
        if (e.kind() == FileKind.FILE) {
          add(path, e, rule);
        } else {
          ignore(path, "folders inside a rule's folder are not followed");
        }
      }
    }
  }

  private void add(String path, FileEntry e, InstallerRule rule) {
    Optional<String> problem = WindowsNames.installerProblem(e.name());
    if (problem.isPresent()) {
      ignore(path, "refused: " + problem.get());
      context.log().warn("Hotfix file \"" + path + "\" is refused: " + problem.get());
      return;
    }
    found.add(new HotfixFile(path, arguments.resolve(path), rule, e.size()));
  }

  /** Whether an entry may be looked at: a file or folder with a plain Windows name; the rest is listed as ignored. */
  private boolean followable(String path, FileEntry e) {
    if (e.kind() == FileKind.LINK) {
      ignore(path, "it is a link, and links are never followed");
      return false;
    }
    if (e.kind() == FileKind.OTHER) {
      ignore(path, "it is neither a file nor a folder");
      return false;
    }
    Optional<String> problem = WindowsNames.problem(e.name());
    if (problem.isPresent()) {
      ignore(path, problem.get() + "; not followed");
      return false;
    }
    return true;
  }

  private List<FileEntry> list(String relative) {
    List<FileEntry> entries = new ArrayList<>(files.list(arguments.resolve(relative), context));
    if (entries.size() > MAX_ENTRIES) {
      throw new PluginFailureException("HotfixFolderTooLarge", "Hotfix folder \"" + arguments.resolve(relative)
          + "\" holds " + entries.size() + " entries; allowed: at most " + MAX_ENTRIES);
    }
    entries.sort(Comparator.comparing((FileEntry e) -> WindowsNames.upper(e.name())).thenComparing(FileEntry::name));
    return entries;
  }

  private void ignore(String path, String why) {
    ignored.add(path + ": " + why);
  }
}

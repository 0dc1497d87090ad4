package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.ShareSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Builds a hotfix root folder, as CAU's hotfix plug-in reads it, on the nodes of a simulated
 * cluster or in a directory of the machine running the test.
 *
 * <pre>{@code
 * HotfixRootFolder.at("\\\\fs1\\Hotfixes\\Root")
 *     .configuration(xml)
 *     .forAllNodes("Windows10.0-KB5034441-x64.msu", msuBytes)
 *     .file("CAUHotfix_All\\BIOS\\R740_BIOS.exe", biosBytes)
 *     .forNode("n2", "n2-driver.msi", driverBytes)
 *     .plantOn(cluster);
 * }</pre>
 *
 * <p>Paths are relative to the root folder and use {@code \}. Planted on a cluster, every node
 * sees the same folder (each node's {@link SimulatedFiles} gets a copy), on a share that requires
 * signing unless {@link #share(ShareSecurity)} says otherwise, with
 * {@link SimulatedFiles#DEFAULT_ACCESS} on every path unless {@link #access} replaces it. A
 * builder may be planted more than once. Not thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class HotfixRootFolder {
  /** The folder whose updates apply to every node. */
  public static final String ALL_NODES = "CAUHotfix_All";

  /** The configuration file's default name. */
  public static final String DEFAULT_CONFIGURATION = "DefaultHotfixConfig.xml";

  /** The name of the optional integrity manifest. */
  public static final String MANIFEST = "CAUHotfixManifest.sha256";

  /** A share that requires signing, not encryption, and is not a DFS path. */
  public static final ShareSecurity SIGNED_SHARE = new ShareSecurity(true, false, false);

  private sealed interface Item permits FileItem, DirectoryItem, LinkItem {}

  private record FileItem(byte[] content) implements Item {}

  private record DirectoryItem() implements Item {}

  private record LinkItem(String target) implements Item {}

  private final String root;
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final Map<String, List<AccessEntry>> access = new LinkedHashMap<>();
  private ShareSecurity share = SIGNED_SHARE;
  private boolean onShare = true;

  private HotfixRootFolder(String root) {
    this.root = root;
  }

  /**
   * Starts a root folder.
   *
   * @param rootPath the root folder's path, as the plug-in's {@code HotfixRootFolderPath} names
   *     it, such as {@code \\fs1\Hotfixes\Root}
   * @return the builder
   */
  public static HotfixRootFolder at(String rootPath) {
    Objects.requireNonNull(rootPath, "rootPath");
    if (rootPath.isBlank()) {
      throw new IllegalArgumentException("rootPath must name a folder, not be blank");
    }
    return new HotfixRootFolder(rootPath);
  }

  /**
   * Returns the root folder's path.
   *
   * @return the path given to {@link #at}
   */
  public String path() {
    return root;
  }

  /**
   * Writes the configuration file under its default name.
   *
   * @param xml the file's text
   * @return this builder
   */
  public HotfixRootFolder configuration(String xml) {
    return file(DEFAULT_CONFIGURATION, xml);
  }

  /**
   * Writes an update for every node: {@code CAUHotfix_All\<name>}.
   *
   * @param name the file's name
   * @param content its bytes
   * @return this builder
   */
  public HotfixRootFolder forAllNodes(String name, byte[] content) {
    return file(ALL_NODES + "\\" + name, content);
  }

  /**
   * Writes an update for one node: {@code <node>\<name>}.
   *
   * @param node the node's NetBIOS name
   * @param name the file's name, or a path below the node's folder
   * @param content its bytes
   * @return this builder
   */
  public HotfixRootFolder forNode(String node, String name, byte[] content) {
    return file(node + "\\" + name, content);
  }

  /**
   * Writes a text file, UTF-8, at a path relative to the root.
   *
   * @param relativePath the path, with {@code \}
   * @param text the file's text
   * @return this builder
   */
  public HotfixRootFolder file(String relativePath, String text) {
    return file(relativePath, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a file at a path relative to the root; its parent folders are created.
   *
   * @param relativePath the path, with {@code \}
   * @param content the file's bytes
   * @return this builder
   */
  public HotfixRootFolder file(String relativePath, byte[] content) {
    items.put(relative(relativePath), new FileItem(content.clone()));
    return this;
  }

  /**
   * Creates a folder at a path relative to the root.
   *
   * @param relativePath the path, with {@code \}
   * @return this builder
   */
  public HotfixRootFolder directory(String relativePath) {
    items.put(relative(relativePath), new DirectoryItem());
    return this;
  }

  /**
   * Creates a link at a path relative to the root (planted on simulated nodes only).
   *
   * @param relativePath the link's path, with {@code \}
   * @param target where it points
   * @return this builder
   */
  public HotfixRootFolder link(String relativePath, String target) {
    items.put(relative(relativePath), new LinkItem(Objects.requireNonNull(target, "target")));
    return this;
  }

  /**
   * Replaces the access list of a path relative to the root ({@code ""} for the root itself).
   *
   * @param relativePath the path, with {@code \}
   * @param entries its entries
   * @return this builder
   */
  public HotfixRootFolder access(String relativePath, List<AccessEntry> entries) {
    access.put(relativePath, List.copyOf(entries));
    return this;
  }

  /**
   * Sets what the share holding the root folder requires; the default is {@link #SIGNED_SHARE}.
   *
   * @param security the share's requirements
   * @return this builder
   */
  public HotfixRootFolder share(ShareSecurity security) {
    this.share = Objects.requireNonNull(security, "security");
    this.onShare = true;
    return this;
  }

  /**
   * Puts the root folder on a local disk instead of a share: no share security is reported.
   *
   * @return this builder
   */
  public HotfixRootFolder local() {
    this.onShare = false;
    return this;
  }

  /**
   * Writes the integrity manifest {@value #MANIFEST}: the SHA-256 of every file written so far,
   * except the configuration files and the manifest itself.
   *
   * @return this builder
   */
  public HotfixRootFolder manifest() {
    StringBuilder text = new StringBuilder("# SHA-256 and path of every hotfix file\n");
    items.forEach((path, item) -> {
      if (item instanceof FileItem f && path.contains("\\")) {
        text.append(sha256(f.content())).append("  ").append(path).append('\n');
      }
    });
    return file(MANIFEST, text.toString());
  }

  /**
   * Returns the full path of something in the root folder.
   *
   * @param relativePath the path relative to the root, with {@code \}
   * @return the root's path, {@code \} and the relative path
   */
  public String resolve(String relativePath) {
    return relativePath.isEmpty() ? root : root + "\\" + relativePath;
  }

  /**
   * Computes the SHA-256 of bytes, as the plug-in reports it.
   *
   * @param content the bytes
   * @return 64 lower-case hexadecimal digits
   */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /**
   * Plants the root folder on every node of a cluster.
   *
   * @param cluster the cluster
   * @return this builder
   */
  public HotfixRootFolder plantOn(SimulatedCluster cluster) {
    cluster.nodes().forEach(this::plantOn);
    return this;
  }

  /**
   * Plants the root folder on one node.
   *
   * @param node the node
   * @return this builder
   */
  public HotfixRootFolder plantOn(SimulatedNode node) {
    SimulatedFiles files = node.files();
    files.directory(root);
    items.forEach((path, item) -> {
      String full = resolve(path);
      if (item instanceof FileItem f) {
        files.write(full, f.content());
      } else if (item instanceof LinkItem l) {
        files.link(full, l.target());
      } else {
        files.directory(full);
      }
    });
    access.forEach((path, entries) -> files.access(resolve(path), entries));
    if (onShare) {
      files.share(root, share);
    }
    return this;
  }

  /**
   * Writes the files and folders into a directory of the machine running the test, each
   * {@code \} of a relative path becoming a directory separator. Links, access lists and share
   * security are not written: a real file system's own are used.
   *
   * @param directory the directory that plays the root folder; created if missing
   * @return the paths written, in the order they were defined
   * @throws UncheckedIOException if writing fails
   */
  public List<Path> writeTo(Path directory) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      for (Map.Entry<String, Item> e : items.entrySet()) {
        Path target = directory;
        for (String part : e.getKey().split("\\\\")) {
          target = target.resolve(part);
        }
        if (!target.normalize().startsWith(directory.normalize())) {
          throw new IllegalArgumentException("\"" + e.getKey() + "\" leads outside the root folder");
        }
        if (e.getValue() instanceof FileItem f) {
          Files.createDirectories(target.getParent());
          Files.write(target, f.content());
          written.add(target);
        } else if (e.getValue() instanceof DirectoryItem) {
          Files.createDirectories(target);
          written.add(target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private static String relative(String relativePath) {
    Objects.requireNonNull(relativePath, "relativePath");
    if (relativePath.isEmpty() || relativePath.startsWith("\\")) {
      throw new IllegalArgumentException("\"" + relativePath + "\" must be a path relative to the root folder");
    }
    return relativePath;
  }
}

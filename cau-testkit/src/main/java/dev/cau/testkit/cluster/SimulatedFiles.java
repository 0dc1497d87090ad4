package dev.cau.testkit.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.AccessRight;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ShareSecurity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The files a {@link SimulatedNode} sees, offered as its {@link NodeFiles} capability and
 * reachable as {@link SimulatedNode#files()}. A test plants files, directories, links, access
 * lists and shares; plug-ins and readiness rules read them through the capability.
 *
 * <p>Paths are kept as given. A Windows-style path (one that starts with a drive letter such as
 * {@code C:} or with {@code \\}) is compared without regard to letter case
 * ({@link String#toUpperCase(Locale)} with {@link Locale#ROOT}) and with {@code /} and {@code \}
 * as the same separator; any other path is compared exactly, with {@code /} as its separator.
 * Writing a path creates its parent directories. A new path gets the default access list:
 * {@code BUILTIN\Administrators} and {@code NT AUTHORITY\SYSTEM} with full control, and
 * {@code Everyone} with read and execute. A listing gives a directory's entries in the order
 * they were created; a path's last-modified time is the virtual time it was written.
 *
 * <p>Every call of the {@link NodeFiles} methods records a step ({@code files stat <path>},
 * {@code files list <path>}, {@code files read <path>}, {@code files sha256 <path>},
 * {@code files access <path>}, {@code files share <path>}) that takes {@link Timings#fileRead()},
 * and is refused with {@link NodeOperationException} while the node is down. Single threaded,
 * like the simulator.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SimulatedFiles implements NodeFiles {
  /** The access list a new path gets. */
  public static final List<AccessEntry> DEFAULT_ACCESS = List.of(
      AccessEntry.allow("BUILTIN\\Administrators", EnumSet.allOf(AccessRight.class)),
      AccessEntry.allow("NT AUTHORITY\\SYSTEM", EnumSet.allOf(AccessRight.class)),
      AccessEntry.allow("Everyone", EnumSet.of(AccessRight.READ, AccessRight.EXECUTE)));

  private static final class Entry {
    final String path;
    final String name;
    final FileKind kind;
    final byte[] content;
    final @Nullable String target;
    final Instant lastModified;
    List<AccessEntry> access = DEFAULT_ACCESS;

    Entry(String path, String name, FileKind kind, byte[] content, @Nullable String target, Instant lastModified) {
      this.path = path;
      this.name = name;
      this.kind = kind;
      this.content = content;
      this.target = target;
      this.lastModified = lastModified;
    }
  }

  private final SimulatedNode node;
  private final SimulatedCluster cluster;
  /** By normalized path, in the order they were created. */
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  /** Share roots by normalized path. */
  private final Map<String, ShareSecurity> shares = new LinkedHashMap<>();
  private final Set<String> denied = new HashSet<>();

  SimulatedFiles(SimulatedNode node, SimulatedCluster cluster) {
    this.node = node;
    this.cluster = cluster;
  }

  // ---------------------------------------------------------------- planting

  /**
   * Writes a text file in UTF-8, creating its parent directories; replaces a file that exists.
   *
   * @param path the file's path
   * @param content its text
   * @return these files
   * @throws IllegalArgumentException if the path or one of its parents is something else than
   *     what it would become
   */
  public SimulatedFiles write(String path, String content) {
    return write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a file, creating its parent directories; replaces a file that exists.
   *
   * @param path the file's path
   * @param content its bytes
   * @return these files
   * @throws IllegalArgumentException if the path or one of its parents is something else than
   *     what it would become
   */
  public SimulatedFiles write(String path, byte[] content) {
    put(path, FileKind.FILE, content.clone(), null);
    return this;
  }

  /**
   * Creates a directory and its parents; does nothing if it exists.
   *
   * @param path the directory's path
   * @return these files
   * @throws IllegalArgumentException if something other than a directory is at the path
   */
  public SimulatedFiles directory(String path) {
    Entry existing = entries.get(key(path));
    if (existing != null && existing.kind == FileKind.DIRECTORY) {
      return this;
    }
    put(path, FileKind.DIRECTORY, new byte[0], null);
    return this;
  }

  /**
   * Creates a symbolic link, which {@link NodeFiles} reports as a link and never follows.
   *
   * @param path the link's path
   * @param target where it points, as the node writes it
   * @return these files
   */
  public SimulatedFiles link(String path, String target) {
    put(path, FileKind.LINK, new byte[0], Objects.requireNonNull(target, "target"));
    return this;
  }

  /**
   * Creates something that is neither a file, a directory nor a link, such as a device or a pipe.
   *
   * @param path its path
   * @return these files
   */
  public SimulatedFiles special(String path) {
    put(path, FileKind.OTHER, new byte[0], null);
    return this;
  }

  /**
   * Replaces the access list of a path that exists.
   *
   * @param path the path
   * @param access its entries, in the order the node evaluates them
   * @return these files
   * @throws IllegalArgumentException if nothing exists at the path
   */
  public SimulatedFiles access(String path, List<AccessEntry> access) {
    Entry entry = entries.get(key(path));
    if (entry == null) {
      throw new IllegalArgumentException("Nothing exists at \"" + path + "\" on node \"" + node.name() + "\"");
    }
    entry.access = List.copyOf(access);
    return this;
  }

  /**
   * Makes a path the root of a file share with these requirements: every path under it (and the
   * root itself) is on the share. The root does not have to exist.
   *
   * @param rootPath the share's root, such as {@code \\fs1\Hotfixes}
   * @param security what the share requires of clients
   * @return these files
   */
  public SimulatedFiles share(String rootPath, ShareSecurity security) {
    shares.put(key(rootPath), Objects.requireNonNull(security, "security"));
    return this;
  }

  /**
   * Makes the node refuse access to a path and everything under it, as an access list that
   * leaves the caller out would: every call about it throws {@link NodeOperationException}.
   *
   * @param path the path
   * @return these files
   */
  public SimulatedFiles denyAccess(String path) {
    denied.add(key(path));
    return this;
  }

  /**
   * Removes a path and everything under it; does nothing if nothing is there.
   *
   * @param path the path
   * @return these files
   */
  public SimulatedFiles delete(String path) {
    String k = key(path);
    entries.keySet().removeIf(e -> e.equals(k) || isUnder(e, k));
    return this;
  }

  // ---------------------------------------------------------------- NodeFiles

  @Override
  public Optional<FileEntry> stat(String path, OperationContext context) {
    Entry entry = begin("stat", path);
    return Optional.ofNullable(entry).map(SimulatedFiles::describe);
  }

  @Override
  public List<FileEntry> list(String directory, OperationContext context) {
    Entry entry = begin("list", directory);
    if (entry == null || entry.kind != FileKind.DIRECTORY) {
      throw refused(directory, entry == null ? "it does not exist" : "it is a " + kindName(entry.kind) + ", not a directory");
    }
    String k = key(directory);
    List<FileEntry> listed = new ArrayList<>();
    entries.forEach((ek, e) -> {
      if (k.equals(parentKey(ek))) {
        listed.add(describe(e));
      }
    });
    return listed;
  }

  @Override
  public byte[] read(String path, long maxBytes, OperationContext context) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be 0 or more, not " + maxBytes);
    }
    Entry file = regularFile("read", path);
    if (file.content.length > maxBytes) {
      throw refused(path, "it holds " + file.content.length + " bytes, more than the " + maxBytes + " accepted");
    }
    return file.content.clone();
  }

  @Override
  public String sha256(String path, OperationContext context) {
    Entry file = regularFile("sha256", path);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  @Override
  public List<AccessEntry> accessEntries(String path, OperationContext context) {
    Entry entry = begin("access", path);
    if (entry == null) {
      throw refused(path, "it does not exist");
    }
    return entry.access;
  }

  @Override
  public Optional<ShareSecurity> shareSecurity(String path, OperationContext context) {
    begin("share", path);
    String k = key(path);
    String best = null;
    for (String root : shares.keySet()) {
      if ((root.equals(k) || isUnder(k, root)) && (best == null || root.length() > best.length())) {
        best = root;
      }
    }
    return Optional.ofNullable(best == null ? null : shares.get(best));
  }

  // ---------------------------------------------------------------- helpers

  /** Records the step, refuses a node that is down or a denied path, and finds the entry. */
  private @Nullable Entry begin(String operation, String path) {
    Objects.requireNonNull(path, "path");
    node.requireRunning("read files (" + operation + " " + path + ")");
    cluster.record(node.name(), "files " + operation + " " + path, cluster.timings().fileRead());
    String k = key(path);
    for (String d : denied) {
      if (d.equals(k) || isUnder(k, d)) {
        throw refused(path, "access is denied");
      }
    }
    return entries.get(k);
  }

  private Entry regularFile(String operation, String path) {
    Entry entry = begin(operation, path);
    if (entry == null) {
      throw refused(path, "it does not exist");
    }
    if (entry.kind == FileKind.LINK) {
      throw refused(path, "it is a link (to \"" + entry.target + "\"), and links are never followed");
    }
    if (entry.kind != FileKind.FILE) {
      throw refused(path, "it is a " + kindName(entry.kind) + ", not a regular file");
    }
    return entry;
  }

  private NodeOperationException refused(String path, String why) {
    return new NodeOperationException(node.name(), "Node \"" + node.name() + "\" cannot read \"" + path + "\": " + why);
  }

  private static String kindName(FileKind kind) {
    return kind == FileKind.OTHER ? "special file" : kind.name().toLowerCase(Locale.ROOT);
  }

  private static FileEntry describe(Entry e) {
    return new FileEntry(e.path, e.name, e.kind, e.kind == FileKind.FILE ? e.content.length : 0, e.lastModified);
  }

  private void put(String path, FileKind kind, byte[] content, @Nullable String target) {
    String k = key(path);
    if (k.isEmpty() || k.equals(root(k))) {
      if (kind != FileKind.DIRECTORY) {
        throw new IllegalArgumentException("\"" + path + "\" is a root; only a directory can be there");
      }
    }
    Entry existing = entries.get(k);
    if (existing != null && (existing.kind == FileKind.DIRECTORY) != (kind == FileKind.DIRECTORY)) {
      throw new IllegalArgumentException("\"" + path + "\" on node \"" + node.name() + "\" is a "
          + kindName(existing.kind) + " already");
    }
    makeParents(path);
    Instant now = cluster.simulator().now();
    Entry entry = new Entry(path, name(path), kind, content, target, now);
    if (existing != null) {
      entry.access = existing.access;
    }
    entries.put(k, entry);
  }

  private void makeParents(String path) {
    String parent = parentPath(path);
    if (parent == null) {
      return;
    }
    Entry existing = entries.get(key(parent));
    if (existing != null) {
      if (existing.kind != FileKind.DIRECTORY) {
        throw new IllegalArgumentException("\"" + parent + "\" on node \"" + node.name() + "\" is a "
            + kindName(existing.kind) + ", not a directory");
      }
      return;
    }
    makeParents(parent);
    entries.put(key(parent), new Entry(parent, name(parent), FileKind.DIRECTORY, new byte[0], null,
        cluster.simulator().now()));
  }

  static boolean windowsStyle(String path) {
    return path.startsWith("\\\\") || path.startsWith("//")
        || (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0)));
  }

  /** The path as compared: Windows-style ones upper-cased with {@code \} separators, no trailing separator but at a root. */
  static String key(String path) {
    String k = windowsStyle(path) ? path.replace('/', '\\').toUpperCase(Locale.ROOT) : path;
    char separator = windowsStyle(path) ? '\\' : '/';
    while (k.length() > 1 && k.charAt(k.length() - 1) == separator && !k.equals(root(k))) {
      k = k.substring(0, k.length() - 1);
    }
    return k;
  }

  /** The root of a normalized key: {@code C:\}, {@code \\SERVER\SHARE}, {@code /}, or {@code ""} for a relative path. */
  private static String root(String k) {
    if (k.startsWith("\\\\")) {
      int server = k.indexOf('\\', 2);
      if (server < 0) {
        return k;
      }
      int share = k.indexOf('\\', server + 1);
      return share < 0 ? k : k.substring(0, share);
    }
    if (k.length() >= 2 && k.charAt(1) == ':' && Character.isLetter(k.charAt(0))) {
      return k.length() >= 3 && k.charAt(2) == '\\' ? k.substring(0, 3) : k.substring(0, 2);
    }
    return k.startsWith("/") ? "/" : "";
  }

  /** Whether key {@code k} is strictly below key {@code ancestor}. */
  private static boolean isUnder(String k, String ancestor) {
    if (!k.startsWith(ancestor) || k.length() == ancestor.length()) {
      return false;
    }
    char last = ancestor.charAt(ancestor.length() - 1);
    if (last == '\\' || last == '/') {
      return true;
    }
    char next = k.charAt(ancestor.length());
    return next == (windowsStyle(k) ? '\\' : '/');
  }

  private static @Nullable String parentKey(String k) {
    String parent = parentPath(k);
    return parent == null ? null : key(parent);
  }

  /** The parent of a path as written, or {@code null} at a root. */
  private static @Nullable String parentPath(String path) {
    boolean windows = windowsStyle(path);
    String k = key(path);
    if (k.equals(root(k)) || k.isEmpty()) {
      return null;
    }
    String p = windows ? path.replace('/', '\\') : path;
    while (p.length() > 1 && p.charAt(p.length() - 1) == (windows ? '\\' : '/')) {
      p = p.substring(0, p.length() - 1);
    }
    int at = p.lastIndexOf(windows ? '\\' : '/');
    if (at < 0) {
      return null;
    }
    String parent = p.substring(0, at);
    String parentRoot = root(key(p));
    if (parent.length() < parentRoot.length()) {
      parent = p.substring(0, parentRoot.length());
    }
    return parent.isEmpty() ? null : parent;
  }

  private static String name(String path) {
    boolean windows = windowsStyle(path);
    String p = windows ? path.replace('/', '\\') : path;
    while (p.length() > 1 && p.charAt(p.length() - 1) == (windows ? '\\' : '/')) {
      p = p.substring(0, p.length() - 1);
    }
    int at = p.lastIndexOf(windows ? '\\' : '/');
    return at < 0 || at == p.length() - 1 ? p : p.substring(at + 1);
  }
}

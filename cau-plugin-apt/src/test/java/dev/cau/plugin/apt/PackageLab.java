package dev.cau.plugin.apt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The repository's lab scripts, driven from tests: {@code scripts/lab-apt-repo} builds the test
 * packages, {@code scripts/lab-pkg-node} gives each node a private package database in a mount
 * namespace of its own. Needs root, dpkg and apt.
 */
final class PackageLab {
  static final String REQUIRE_REAL_BACKENDS = "CAU_REQUIRE_REAL_BACKENDS";
  static final Path SCRIPTS = Path.of("").toAbsolutePath().getParent().resolve("scripts");
  static final Path HOST_DPKG_STATUS = Path.of("/var/lib/dpkg/status");
  private static final List<Path> TOOLS = List.of(Path.of("/usr/bin/dpkg-deb"), Path.of("/usr/bin/dpkg-scanpackages"),
      Path.of("/usr/bin/apt-get"), Path.of("/usr/bin/dpkg-query"), Path.of("/usr/bin/nsenter"),
      Path.of("/usr/bin/unshare"));

  private PackageLab() {}

  /** Skips the calling test without root, dpkg and apt, or fails it when real backends are required. */
  static void assumeAvailable() {
    List<String> missing = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      missing.add("root");
    }
    TOOLS.stream().filter(t -> !Files.isExecutable(t)).forEach(t -> missing.add(t.toString()));
    if (!Files.isExecutable(SCRIPTS.resolve("lab-pkg-node"))) {
      missing.add(SCRIPTS.resolve("lab-pkg-node").toString());
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "The real apt tests need root on Debian with dpkg-dev, apt and util-linux (missing: "
        + String.join(", ", missing) + "); run them as root: apt-get install dpkg-dev, then"
        + " ./mvnw -pl cau-plugin-apt verify";
    if ("1".equals(System.getenv(REQUIRE_REAL_BACKENDS))) {
      fail(message + " (" + REQUIRE_REAL_BACKENDS + "=1, so this is a failure, not a skip)");
    }
    Assumptions.abort(message);
  }

  /** Builds the lab packages into a flat repository apt's sandbox user can read. */
  static Path buildRepository(Path directory) throws IOException {
    openUp(Files.createDirectories(directory));
    Path repo = directory.resolve("repo");
    run(SCRIPTS.resolve("lab-apt-repo").toString(), "build", repo.toString());
    return repo;
  }

  /** Makes a directory and its parents up to /tmp readable, as apt's _apt user reads the repository. */
  static void openUp(Path directory) throws IOException {
    for (Path p = directory; p != null && p.getNameCount() > 1; p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  static String run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
    }
    return output;
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lines of this process's mount table that mention a path: none once every node is down. */
  static List<String> mountsUnder(Path path) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/mountinfo"), UTF_8).stream()
        .filter(line -> line.contains(path.toString())).toList();
  }

  /** One node: its state directory, its namespace file and a runner that executes inside it. */
  static final class Node implements AutoCloseable {
    final String name;
    final Path state;
    final Path namespace;
    final NamespaceProgramRunner runner;

    private Node(String name, Path state, Path namespace, Path scratch) {
      this.name = name;
      this.state = state;
      this.namespace = namespace;
      this.runner = new NamespaceProgramRunner(name, namespace, scratch);
    }

    /** Creates a node and installs packages on it, such as {@code cau-lab-tool=1.0}. */
    static Node up(String name, Path directory, Path repo, String... packages) throws IOException {
      return up(name, directory, repo, List.of(), packages);
    }

    /**
     * Creates a node, in an existing mount namespace when {@code upOptions} names its file (with
     * {@code --keep-run} to keep its {@code /run}), and installs packages on it.
     */
    static Node up(String name, Path directory, Path repo, List<String> upOptions, String... packages)
        throws IOException {
      Path state = directory.resolve(name);
      Path scratch = Files.createDirectories(directory.resolve(name + "-scratch"));
      List<String> up = new ArrayList<>(List.of(SCRIPTS.resolve("lab-pkg-node").toString(), "up", state.toString(),
          repo.toString()));
      up.addAll(upOptions);
      String printed = run(up.toArray(String[]::new));
      Path namespace = Path.of(printed.lines().reduce((a, b) -> b).orElseThrow().strip());
      Node node = new Node(name, state, namespace, scratch);
      if (packages.length > 0) {
        List<String> command = new ArrayList<>(List.of(SCRIPTS.resolve("lab-pkg-node").toString(), "install",
            namespace.toString()));
        command.addAll(List.of(packages));
        try {
          run(command.toArray(String[]::new));
        } catch (IOException e) {
          node.close();
          throw e;
        }
      }
      return node;
    }

    Path dpkgStatus() {
      return state.resolve("dpkg/status");
    }

    Path archives() {
      return state.resolve("apt-cache/archives");
    }

    /** What the node's dpkg says is installed, as {@code NAME VERSION} lines of the lab packages. */
    List<String> labPackages() throws IOException {
      String listed;
      try {
        listed = run("/usr/bin/nsenter", "--mount=" + namespace, "/usr/bin/dpkg-query", "-W",
          "-f=${Package} ${Version} ${db:Status-Abbrev}\\n", "cau-lab-*");
      } catch (IOException e) {
        if (e.getMessage().contains("no packages found")) {
          return List.of();
        }
        throw e;
      }
      return listed.lines().filter(l -> l.endsWith(" ii ") || l.endsWith(" ii")).map(l -> l.substring(0, l.lastIndexOf(" ii")))
          .sorted().toList();
    }

    boolean rebootFlagged() throws IOException {
      try {
        run("/usr/bin/nsenter", "--mount=" + namespace, "/usr/bin/test", "-e", RebootFlag.FLAG);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void close() throws IOException {
      run(SCRIPTS.resolve("lab-pkg-node").toString(), "down", state.toString());
    }
  }
}

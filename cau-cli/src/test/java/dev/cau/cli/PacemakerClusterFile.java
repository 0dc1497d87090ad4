package dev.cau.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a cluster file of a real cluster, {@value LiveRun#CLUSTER}, of backend {@code pacemaker}:
 * its node's address is in TEST-NET-1, where nothing answers, and its key files are empty, so a
 * command that connected would fail; {@code cau status} reads the store only and needs none of it.
 */
final class PacemakerClusterFile {
  private PacemakerClusterFile() {}

  /**
   * Writes the file and its empty key files into a directory.
   *
   * @param dir the directory
   * @return the cluster file
   */
  static Path write(Path dir) throws IOException {
    Path id = Files.writeString(dir.resolve("id"), "");
    Path known = Files.writeString(dir.resolve("known_hosts"), "");
    return Files.writeString(dir.resolve("cluster.json"), """
        { "name": "%s",
          "backend": "pacemaker",
          "nodes": [
            { "name": "ha1", "address": "192.0.2.11", "key-file": "%s", "known-hosts-file": "%s" }
          ] }
        """.formatted(LiveRun.CLUSTER, json(id), json(known)), StandardCharsets.UTF_8);
  }

  private static String json(Path path) {
    return path.toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

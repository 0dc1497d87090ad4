package dev.cau.plugin.apt;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Outputs recorded from real apt runs on Debian 12: the host's own {@code apt-get -s upgrade},
 * and a lab node's (built with scripts/lab-apt-repo and scripts/lab-pkg-node) for the lab
 * packages, including a {@code dist-upgrade} that removes a conflicting package.
 */
final class Recorded {
  private Recorded() {}

  static String read(String name) {
    try (InputStream in = Recorded.class.getResourceAsStream("recorded/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing recorded output " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

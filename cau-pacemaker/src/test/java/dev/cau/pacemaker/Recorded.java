package dev.cau.pacemaker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Outputs recorded from the three-node lab cluster (scripts/ha-lab), kept as test resources. */
final class Recorded {
  private Recorded() {}

  static String text(String name) {
    try (InputStream in = Recorded.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no recorded output " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

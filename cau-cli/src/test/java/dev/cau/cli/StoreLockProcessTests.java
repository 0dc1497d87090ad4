package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate {@code cau} processes on one run store: while a run is live (paused by the test hook
 * right after a journal record, holding the store's lock), a second run, a resume and a forced
 * recovery are refused with the holder's name and touch nothing, and status reads without
 * changing a byte.
 */
class StoreLockProcessTests {
  @TempDir Path dir;

  @Test
  void aSecondProcessAgainstALiveRunIsRefusedNamingTheHolderAndTouchesNothing() throws Exception {
    Path store = dir.resolve("store");
    try (CauProcess live = CauProcess.start(Map.of(RecordHooks.PAUSE_VARIABLE, "3"), "run", "--store", store.toString())) {
      assertThat(live.awaitErrLine(RecordHooks.PAUSED)).isEqualTo(RecordHooks.PAUSED + "3");
      Map<String, String> before = hashes(store);
      String holder = "cau run (process " + live.pid() + ")";

      for (String[] args : new String[][] {
          {"run", "--store", store.toString()},
          {"run", "--store", store.toString(), "--resume"},
          {"run", "--store", store.toString(), "--force-recovery"}}) {
        Cau.Outcome refused = CauProcess.run(Map.of(), args);
        assertThat(refused.exitCode()).as("%s printed:%n%s%s", String.join(" ", args), refused.out(), refused.err())
            .isEqualTo(2);
        assertThat(refused.err())
            .contains("run store \"" + store + "\" is in use: " + holder + " holds its lock and is writing it")
            .contains("Wait for that run to end ('cau status --store " + store + "' shows it), then try again")
            .contains("No node was touched.")
            .doesNotContain("Exception");
        assertThat(hashes(store)).as("the store after %s", String.join(" ", args)).isEqualTo(before);
      }

      Cau.Outcome status = CauProcess.run(Map.of(), "status", "--store", store.toString());
      assertThat(status.out()).contains("The run is live: " + holder + " holds the store's lock and is writing it.");
      assertThat(hashes(store)).isEqualTo(before);

      live.release();
      Cau.Outcome finished = live.await();
      assertThat(finished.exitCode()).as("the live run, which printed:%n%s%s", finished.out(), finished.err()).isZero();
      assertThat(finished.out()).contains("Status:   Succeeded");
    }

    Cau.Outcome next = CauProcess.run(Map.of(), "run", "--store", store.toString());
    assertThat(next.exitCode()).as("a run after the live one ended, which printed:%n%s%s", next.out(), next.err()).isZero();
  }

  @Test
  void aRunInAnotherProcessIsRefusedUntilTheHolderIsKilledThenResumes() throws Exception {
    Path store = dir.resolve("store");
    try (CauProcess live = CauProcess.start(Map.of(RecordHooks.PAUSE_VARIABLE, "2"), "run", "--store", store.toString())) {
      live.awaitErrLine(RecordHooks.PAUSED);
      assertThat(CauProcess.run(Map.of(), "run", "--store", store.toString(), "--resume").exitCode()).isEqualTo(2);
      live.kill();
    }

    Cau.Outcome resumed = CauProcess.run(Map.of(), "run", "--store", store.toString(), "--resume");
    assertThat(resumed.exitCode()).as("the resume, which printed:%n%s%s", resumed.out(), resumed.err()).isZero();
    assertThat(resumed.out()).contains("Status:   Succeeded");
  }

  /** The SHA-256 of every file under a directory, by relative path. */
  static Map<String, String> hashes(Path directory) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(directory.relativize(file).toString(), sha256(file));
      }
    }
    return hashes;
  }

  /** Hashes a file; of a file over 64 MiB (a huge sparse journal), its first 64 MiB, with its size. */
  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      long left = 64L * 1024 * 1024;
      for (int n = in.read(buffer); n >= 0 && left > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        left -= n;
      }
      return HexFormat.of().formatHex(digest.digest()) + " " + Files.size(file);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

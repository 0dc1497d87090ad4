package dev.cau.pacemaker;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.cau.api.OperationContext;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs inside one lab node by {@code ha-lab exec} (nsenter), with arguments as a list:
 * the lab's nodes from this JVM without SSH, for the backend's own real tests.
 */
final class NsenterRunner implements ProgramRunner {
  private final Path script;
  private final String node;

  NsenterRunner(Path script, String node) {
    this.script = script;
    this.node = node;
  }

  @Override
  public ProgramResult run(ProgramRequest request, OperationContext context) {
    if (request.shell() != Shell.NONE) {
      throw new IllegalArgumentException("only programs run in lab nodes here");
    }
    List<String> command = new ArrayList<>(List.of(script.toString(), "exec", node, "/usr/bin/env",
        "PATH=/usr/sbin:/usr/bin:/sbin:/bin", request.program()));
    command.addAll(request.arguments());
    try {
      Path out = Files.createTempFile("nsenter", ".out");
      Path err = Files.createTempFile("nsenter", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          throw new IllegalStateException(request.program() + " timed out in " + node);
        }
        return new ProgramResult(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8),
            false);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

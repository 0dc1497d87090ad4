package dev.cau.plugin.apt;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a request inside a lab package node: the argument list is executed with
 * {@link ProcessBuilder} as {@code nsenter --mount=FILE unshare --net -- PROGRAM ARG...}, without
 * a shell, so the program sees the node's private package database and no network.
 */
final class NamespaceProgramRunner implements ProgramRunner {
  private final String nodeName;
  private final Path namespace;
  private final Path scratch;
  final List<ProgramRequest> requests = new ArrayList<>();

  NamespaceProgramRunner(String nodeName, Path namespace, Path scratch) {
    this.nodeName = nodeName;
    this.namespace = namespace;
    this.scratch = scratch;
  }

  @Override
  public synchronized ProgramResult run(ProgramRequest request, OperationContext context) {
    if (request.shell() != Shell.NONE) {
      throw new NodeOperationException(nodeName, "this test runner starts programs only, not " + request);
    }
    requests.add(request);
    List<String> command = new ArrayList<>(List.of("/usr/bin/nsenter", "--mount=" + namespace, "/usr/bin/unshare",
        "--net", "--", request.program()));
    command.addAll(request.arguments());
    try {
      Path out = Files.createTempFile(scratch, "out", ".txt");
      Path err = Files.createTempFile(scratch, "err", ".txt");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.PIPE).start();
      try (var stdin = process.getOutputStream()) {
        if (request.stdin() != null) {
          stdin.write(request.stdin().getBytes(UTF_8));
        }
      }
      if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new NodeOperationException(nodeName, request + " timed out after " + request.timeout());
      }
      String stdout = Files.readString(out, UTF_8);
      String stderr = Files.readString(err, UTF_8);
      Files.delete(out);
      Files.delete(err);
      boolean truncated = stdout.length() > request.outputLimit() || stderr.length() > request.outputLimit();
      stderr.lines().forEach(line -> context.log().info(line));
      return new ProgramResult(Integer.toUnsignedLong(process.exitValue()), cut(stdout, request.outputLimit()),
          cut(stderr, request.outputLimit()), truncated);
    } catch (IOException e) {
      throw new NodeOperationException(nodeName, "could not run " + request + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeOperationException(nodeName, "interrupted while running " + request);
    }
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit);
  }
}

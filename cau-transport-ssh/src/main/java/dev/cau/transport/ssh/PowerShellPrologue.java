package dev.cau.transport.ssh;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.Shell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Runs requests on Windows nodes: one fixed PowerShell script, the prologue, receives the request
 * as a JSON document on standard input and runs it.
 *
 * <p>The command line is always the same: {@code powershell.exe} with the prologue as an
 * {@code -EncodedCommand} (Base64 of UTF-16LE, which every Windows shell passes unchanged), so it
 * works whether the OpenSSH server's default shell is PowerShell or {@code cmd.exe}. Nothing of
 * the request is in it. The document holds each value Base64-encoded UTF-8 (the script or program,
 * every argument, standard input, the working directory), so no console code page, no JSON date
 * conversion and no quoting can change a value. The prologue decodes them and runs a script as a
 * script block, or a program with the call operator, passing the arguments as an array
 * ({@code @args} splatting): each arrives as one string.
 */
public final class PowerShellPrologue {
  /** The prologue: fixed text, the same for every request. */
  public static final String SCRIPT = String.join("\n",
      "$ErrorActionPreference = 'Stop'",
      "[Console]::OutputEncoding = [Text.Encoding]::UTF8",
      "[Console]::Error.WriteLine('" + RemoteInvocation.PID_MARKER + "' + $PID)",
      "function CauDecode([string] $Value) { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Value)) }",
      "$cauDoc = [Console]::In.ReadToEnd() | ConvertFrom-Json",
      "$cauArgs = @(foreach ($cauArg in @($cauDoc.args)) { CauDecode $cauArg })",
      "if ($cauDoc.cwd) { Set-Location -LiteralPath (CauDecode $cauDoc.cwd) }",
      "$ErrorActionPreference = 'Continue'",
      "$global:LASTEXITCODE = 0",
      "if ($cauDoc.kind -eq 'script') {",
      "  & ([ScriptBlock]::Create((CauDecode $cauDoc.program))) @cauArgs",
      "} elseif ($cauDoc.stdin) {",
      "  CauDecode $cauDoc.stdin | & (CauDecode $cauDoc.program) @cauArgs",
      "} else {",
      "  & (CauDecode $cauDoc.program) @cauArgs",
      "}",
      "if (-not $?) { if ($LASTEXITCODE) { exit $LASTEXITCODE } else { exit 1 } }",
      "exit $LASTEXITCODE");

  /** The command line that starts the prologue: fixed text, the same for every request. */
  public static final String COMMAND = "powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass"
      + " -EncodedCommand " + Base64.getEncoder().encodeToString(SCRIPT.getBytes(UTF_16LE));

  private static final JsonFactory JSON = new JsonFactory();

  private PowerShellPrologue() {}

  /**
   * Writes the document the prologue reads for a request.
   *
   * @param request a program request or a {@link Shell#POWERSHELL} script request
   * @return the JSON document, ASCII only
   * @throws IllegalArgumentException for a {@link Shell#POSIX_SH} script, which a Windows node
   *     cannot run
   */
  public static byte[] document(ProgramRequest request) {
    if (request.shell() == Shell.POSIX_SH) {
      throw new IllegalArgumentException("a POSIX_SH script cannot run on a node whose login shell is WINDOWS");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("kind", request.shell() == Shell.POWERSHELL ? "script" : "program");
      out.writeStringField("program", encode(request.program()));
      out.writeArrayFieldStart("args");
      for (String argument : request.arguments()) {
        out.writeString(encode(argument));
      }
      out.writeEndArray();
      String stdin = request.stdin();
      if (stdin != null) {
        out.writeStringField("stdin", encode(stdin));
      }
      String directory = request.workingDirectory();
      if (directory != null) {
        out.writeStringField("cwd", encode(directory));
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static RemoteInvocation invocation(ProgramRequest request) {
    return new RemoteInvocation(COMMAND, document(request), LoginShell.WINDOWS);
  }

  private static String encode(String value) {
    return new String(Base64.getEncoder().encode(value.getBytes(UTF_8)), US_ASCII);
  }
}

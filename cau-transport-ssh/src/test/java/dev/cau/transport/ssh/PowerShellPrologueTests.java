package dev.cau.transport.ssh;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.Shell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PowerShell path: whatever the request holds, the command is the same fixed text, and every
 * value travels on standard input as a document the prologue decodes. PowerShell cannot run here,
 * so the node is MINA's in-process SSH server, which records the command and the document.
 */
class PowerShellPrologueTests {
  @TempDir Path directory;

  @Test
  void commandIsTheFixedPrologueWhateverTheRequest() {
    String encoded = PowerShellPrologue.COMMAND.substring(PowerShellPrologue.COMMAND.lastIndexOf(' ') + 1);

    assertThat(new String(Base64.getDecoder().decode(encoded), UTF_16LE)).isEqualTo(PowerShellPrologue.SCRIPT);
    assertThat(PowerShellPrologue.COMMAND).matches("powershell\\.exe [-A-Za-z ]+ -EncodedCommand [A-Za-z0-9+/=]+");
    assertThat(PowerShellPrologue.invocation(ProgramRequest.program("x", List.of("$(evil)"))).command())
        .isEqualTo(PowerShellPrologue.COMMAND);
  }

  @Test
  void documentCarriesHostileValuesUnchangedAndIsAscii() throws IOException {
    long seed = Long.getLong("cau.seed", System.nanoTime());
    HostileArguments generator = new HostileArguments(seed);
    for (int i = 0; i < 200; i++) {
      List<String> arguments = generator.next();
      ProgramRequest request = ProgramRequest.script(Shell.POWERSHELL, "param($a) Write-Output $a; exit 7", arguments)
          .withWorkingDirectory("C:\\Scripts\\" + arguments.get(0) + "x");

      byte[] document = PowerShellPrologue.document(request);

      assertThat(new String(document, UTF_8)).as("case %d (replay with -Dcau.seed=%d)", i, seed)
          .matches("[\\x20-\\x7e]*");
      Map<String, Object> fields = parse(document);
      assertThat(fields.get("kind")).isEqualTo("script");
      assertThat(fields.get("program")).isEqualTo(request.program());
      assertThat(fields.get("cwd")).isEqualTo(request.workingDirectory());
      assertThat(fields.get("args")).as("arguments of case %d (replay with -Dcau.seed=%d)", i, seed)
          .isEqualTo(arguments);
    }
  }

  @Test
  void programWithStandardInputIsAProgramDocument() throws IOException {
    Map<String, Object> fields = parse(PowerShellPrologue.document(
        ProgramRequest.program("C:\\Windows\\System32\\findstr.exe", List.of("/R", ".")).withStdin("a\"b\n")));

    assertThat(fields).containsEntry("kind", "program").containsEntry("program", "C:\\Windows\\System32\\findstr.exe")
        .containsEntry("args", List.of("/R", ".")).containsEntry("stdin", "a\"b\n").doesNotContainKey("cwd");
  }

  @Test
  void aPosixScriptCannotRunOnAWindowsNode() {
    assertThatThrownBy(() -> PowerShellPrologue.document(ProgramRequest.script(Shell.POSIX_SH, "ls", List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POSIX_SH");
  }

  @Test
  void theNodeReceivesTheFixedCommandAndTheDocumentOnStandardInput() throws Exception {
    List<String> hostile = new HostileArguments(7).next();
    ProgramRequest request = ProgramRequest.script(Shell.POWERSHELL, "Get-HotFix -Id $args[0]", hostile);

    try (InProcessSshServer node = new InProcessSshServer(directory);
        SshProgramRunner runner = SshProgramRunner.create(node.windowsTarget())) {
      ProgramResult result = runner.run(request, TestContext.keepingLines());

      assertThat(result).isEqualTo(new ProgramResult(0, "ran\r\n", "", false));
      assertThat(node.received).singleElement().satisfies(received -> {
        assertThat(received.command()).isEqualTo(PowerShellPrologue.COMMAND);
        assertThat(received.stdin()).isEqualTo(PowerShellPrologue.document(request));
        assertThat(parse(received.stdin())).containsEntry("args", hostile);
      });
    }
  }

  @Test
  void aCancelEndsTheProcessTreeWithTaskkill() throws Exception {
    try (InProcessSshServer node = new InProcessSshServer(directory);
        SshProgramRunner runner = SshProgramRunner.create(node.windowsTarget())) {
      node.hangUntilKilled();

      assertThatThrownBy(() -> runner.run(ProgramRequest.program("wuauclt.exe", List.of()),
          TestContext.cancelingAfterChecks(1)))
          .isInstanceOf(OperationCanceledException.class)
          .hasMessageContaining("were ended");
      assertThat(node.received).extracting(InProcessSshServer.Received::command)
          .containsExactly(PowerShellPrologue.COMMAND, "taskkill /T /F /PID " + InProcessSshServer.PID);
    }
  }

  @Test
  void runAsSystemIsRefusedBeforeAnythingRuns() throws Exception {
    try (InProcessSshServer node = new InProcessSshServer(directory);
        SshProgramRunner runner = SshProgramRunner.create(node.windowsTarget())) {
      assertThatThrownBy(() -> runner.run(ProgramRequest.program("wuauclt.exe", List.of())
          .withRunAs(dev.cau.api.capability.RunAs.SYSTEM), TestContext.keepingLines()))
          .isInstanceOf(NodeOperationException.class)
          .hasMessageContaining("as SYSTEM")
          .hasMessageContaining("Administrator");
      assertThat(node.received).isEmpty();
    }
  }

  /** Reads the document back: strings Base64-decoded, the argument array as a list. */
  private static Map<String, Object> parse(byte[] document) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(document)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (parser.nextToken() == JsonToken.START_ARRAY) {
          List<String> values = new ArrayList<>();
          while (parser.nextToken() == JsonToken.VALUE_STRING) {
            values.add(decode(parser.getText()));
          }
          fields.put(name, values);
        } else {
          fields.put(name, name.equals("kind") ? parser.getText() : decode(parser.getText()));
        }
      }
    }
    return fields;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), UTF_8);
  }
}

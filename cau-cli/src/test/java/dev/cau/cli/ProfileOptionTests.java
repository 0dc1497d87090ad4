package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileOptionTests {
  @TempDir Path dir;

  @Test
  void aReadableProfileSetsTheRunsOptionsAndTheCommandLineOverridesIt() throws IOException {
    Path profile = Files.writeString(dir.resolve("window.profile"),
        "# Patch window\nMaxRetriesPerNode = 2\nFailbackMode = NoFailback\nCauPluginName = Microsoft.WindowsUpdatePlugin\n",
        StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--profile", profile.toString(), "--failback", "Immediate");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).contains("Status:   Succeeded");
  }

  @Test
  void aPluginTheClusterDoesNotOfferIsRefusedNamingItInsteadOfBeingReplaced() throws IOException {
    Path profile = Files.writeString(dir.resolve("firmware.profile"),
        "CauPluginName = Contoso.RaidFirmwarePlugin\n", StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--profile", profile.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("\"Contoso.RaidFirmwarePlugin\"").contains("No node was touched");
    assertThat(outcome.out()).doesNotContain("Status:");
  }

  @Test
  void aClixmlProfileIsImported() throws IOException {
    Path profile = Files.writeString(dir.resolve("DefaultParameters.xml"), """
        <Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
          <Obj RefId="0">
            <TN RefId="0"><T>System.Collections.Hashtable</T><T>System.Object</T></TN>
            <DCT>
              <En><S N="Key">MaxRetriesPerNode</S><I32 N="Value">2</I32></En>
              <En><S N="Key">RebootTimeoutMinutes</S><I32 N="Value">30</I32></En>
            </DCT>
          </Obj>
        </Objs>
        """, StandardCharsets.UTF_8);

    assertThat(Cau.execute("run", "--profile", profile.toString()).exitCode()).isZero();
  }

  @Test
  void aBadProfileIsRefusedBeforeAnythingRuns() throws IOException {
    Path profile = Files.writeString(dir.resolve("bad.profile"), "MaxRetriesPerNode = 65\n", StandardCharsets.UTF_8);

    Cau.Outcome outcome = Cau.execute("run", "--profile", profile.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("invalid profile").contains("line 1")
        .contains("\"MaxRetriesPerNode\" must be between 1 and 64, but was 65").contains("No node was touched");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aMissingProfileIsAUsageError() {
    Cau.Outcome outcome = Cau.execute("run", "--profile", dir.resolve("absent.profile").toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("cannot read profile");
  }
}

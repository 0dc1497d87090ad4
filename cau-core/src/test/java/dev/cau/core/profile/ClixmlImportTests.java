package dev.cau.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.MigrationMode;
import dev.cau.api.cluster.RebootMode;
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.WorkflowOrder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClixmlImportTests {
  private static final String HEAD =
      "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
          + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Collections.Hashtable</T><T>System.Object</T></TN><DCT>";
  private static final String TAIL = "</DCT></Obj></Objs>";

  private static RunOptions importResource(String name) throws IOException {
    try (InputStream in = ClixmlImportTests.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return RunProfile.importClixml(in);
    }
  }

  private static RunOptions importText(String xml) throws IOException {
    return RunProfile.importClixml(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** A hashtable profile with the given En entries. */
  private static RunOptions importEntries(String entries) throws IOException {
    return importText(HEAD + entries + TAIL);
  }

  private static String en(String key, String value) {
    return "<En><S N=\"Key\">" + key + "</S>" + value + "</En>";
  }

  private static InvalidProfileException refusal(String xml) {
    return catchThrowableOfType(() -> importText(xml), InvalidProfileException.class);
  }

  @Test
  void aHandWrittenProfileImportsToTheSameOptionsAsTheBuilderCalls() throws IOException {
    Map<String, String> hotfix = new LinkedHashMap<>();
    hotfix.put("HotfixRootFolderPath", "\\\\fs01\\Hotfixes");
    hotfix.put("RequireSmbEncryption", "true");
    RunOptions expected = RunOptions.builder()
        .maxFailedNodes(2)
        .maxRetriesPerNode(5)
        .requireAllNodesOnline(true)
        .rebootTimeoutMinutes(45)
        .warnAfter(Duration.ofMinutes(90))
        .stopAfter(Duration.ofHours(4))
        .preUpdateScript("\\\\fs01\\cau\\pre_xupdate.ps1")
        .postUpdateScript("\\\\fs01\\cau\\post.ps1")
        .configurationName("CauRestricted")
        .plugin(new PluginSelection("Microsoft.WindowsUpdatePlugin", Map.of("IncludeRecommendedUpdates", "True")))
        .plugin(new PluginSelection("Microsoft.HotfixPlugin", hotfix))
        .runPluginsSerially(true)
        .stopOnPluginFailure(true)
        .separateReboots(true)
        .enableFirewallRules(true)
        .failbackMode(FailbackMode.POLICY)
        .pauseMode(PauseMode.FORCE_PAUSE_AND_DRAIN)
        .attemptSoftReboot(true)
        .siteAwareUpdatingOrder(List.of("Redmond", "Dublin"))
        .suspendClusterNodeTimeout(Duration.ofMinutes(20))
        .suspendRetriesPerNode(12)
        .waitForStorageRepairTimeout(Duration.ofHours(2))
        .workflowOrder(WorkflowOrder.INSTALL_THEN_DRAIN_IF_REBOOT)
        .skipCompliantNodes(false)
        .bypassMaintenanceModeCheck(true)
        .migrationMode(MigrationMode.SAVE_STATE)
        .suspendReboot(true)
        .maxUpdatePasses(4)
        .build();

    RunOptions imported = importResource("full-profile.xml");

    SameOptions.assertSame(imported, expected);
    assertThat(imported.rebootMode()).isEqualTo(RebootMode.SOFT);
  }

  @Test
  void theComparisonCoversEveryAccessorOfRunOptions() {
    SameOptions.checkEveryAccessorIsCompared();
  }

  @Test
  void theSampleOfTheFeatureInventoryImports() throws IOException {
    RunOptions expected = RunOptions.builder()
        .maxRetriesPerNode(3)
        .maxFailedNodes(1)
        .requireAllNodesOnline(true)
        .rebootTimeoutMinutes(15)
        .warnAfter(Duration.ofHours(2))
        .stopAfter(Duration.ofHours(4))
        .preUpdateScript("\\\\fs\\cau\\pre.ps1")
        .plugin("Microsoft.WindowsUpdatePlugin")
        .build();

    SameOptions.assertSame(importResource("sample-profile.xml"), expected);
  }

  @Test
  void utf16AsExportClixmlWritesItImports(@TempDir Path dir) throws IOException {
    String xml;
    try (InputStream in = ClixmlImportTests.class.getResourceAsStream("sample-profile.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = dir.resolve("DefaultParameters.xml");
    Files.write(file, ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE));

    RunOptions imported = RunProfile.importClixml(file);

    assertThat(imported.maxFailedNodes()).hasValue(1);
    assertThat(imported.preUpdateScript()).hasValue("\\\\fs\\cau\\pre.ps1");
  }

  @Test
  void oneHashtableOfArgumentsGoesToTheOnlyPlugin() throws IOException {
    RunOptions imported = importEntries(
        en("CauPluginName", "<S N=\"Value\">Microsoft.HotfixPlugin</S>")
            + en("CauPluginArguments", "<Obj N=\"Value\" RefId=\"1\"><TNRef RefId=\"0\"/><DCT>"
                + en("HotfixRootFolderPath", "<S N=\"Value\">\\\\fs\\h</S>") + "</DCT></Obj>"));

    assertThat(imported.plugins()).containsExactly(
        new PluginSelection("Microsoft.HotfixPlugin", Map.of("HotfixRootFolderPath", "\\\\fs\\h")));
  }

  @Test
  void anUnclosedElementIsRefusedWithLineAndColumn() {
    InvalidProfileException e = refusal(HEAD + en("MaxRetriesPerNode", "<I32 N=\"Value\">3</I32>")
        + "\n<En><S N=\"Key\">MaxFailedNodes</S><I32 N=\"Value\">1</En>" + TAIL);

    assertThat(e).hasMessageStartingWith("CLIXML profile: is not well-formed XML at line 2, column ");
    assertThat(e.location()).get().asString().startsWith("line 2, column ");
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNamingPathTypeAndWhatTheKeyTakes() {
    assertThatThrownBy(() -> importEntries(en("MaxRetriesPerNode", "<B N=\"Value\">true</B>")))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessage("CLIXML profile: En[Key=MaxRetriesPerNode]/B \"true\" is a Boolean (B),"
            + " but MaxRetriesPerNode takes a whole number");
  }

  @Test
  void textThatIsNotAWholeNumberIsRefusedNamingPathAndValue() {
    assertThatThrownBy(() -> importEntries(en("MaxRetriesPerNode", "<I32 N=\"Value\">abc</I32>")))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessage("CLIXML profile: En[Key=MaxRetriesPerNode]/I32 \"abc\" is not a whole number");
  }

  @Test
  void anI64ThatDoesNotFitAnIntIsRefused() {
    assertThatThrownBy(() -> importEntries(en("MaxFailedNodes", "<I64 N=\"Value\">4294967296</I64>")))
        .hasMessageContaining("En[Key=MaxFailedNodes]/I64 \"4294967296\" is too large");
  }

  @Test
  void anOutOfRangeValueGivesTheRunOptionsMessageAndThePath() {
    InvalidProfileException e = refusal(HEAD + en("MaxRetriesPerNode", "<I32 N=\"Value\">65</I32>") + TAIL);

    assertThat(e).hasMessage("CLIXML profile: En[Key=MaxRetriesPerNode]/I32: "
        + "\"MaxRetriesPerNode\" must be between 1 and 64, but was 65");
    assertThat(e).hasCauseInstanceOf(InvalidOptionsException.class);
    assertThat(e.location()).hasValue("En[Key=MaxRetriesPerNode]/I32");
  }

  @Test
  void anUnknownKeyIsRefusedListingTheSupportedKeys() {
    assertThatThrownBy(() -> importEntries(en("MaxRetries", "<I32 N=\"Value\">3</I32>")))
        .hasMessageStartingWith("CLIXML profile: En[Key=MaxRetries]: unknown key \"MaxRetries\";"
            + " a profile may hold MaxFailedNodes, MaxRetriesPerNode,")
        .hasMessageContaining("MaxUpdatePasses");
  }

  @Test
  void credentialsAreRefused() {
    String credential = "<Obj N=\"Value\" RefId=\"1\"><TN RefId=\"1\">"
        + "<T>System.Management.Automation.PSCredential</T><T>System.Object</T></TN>"
        + "<Props><S N=\"UserName\">CONTOSO\\admin</S><SS N=\"Password\">01000000d08c9ddf</SS></Props></Obj>";

    assertThatThrownBy(() -> importEntries(en("Credential", credential)))
        .hasMessage("CLIXML profile: En[Key=Credential]: \"Credential\" is not allowed in a profile:"
            + " a profile never holds credentials; give them when you request the run")
        .hasMessageNotContaining("01000000d08c9ddf");
  }

  @Test
  void aKeyGivenTwiceInAnyLetterCaseIsRefused() {
    assertThatThrownBy(() -> importEntries(en("StopAfter", "<TS N=\"Value\">PT4H</TS>")
        + en("stopafter", "<TS N=\"Value\">PT5H</TS>")))
        .hasMessage("CLIXML profile: \"StopAfter\" is given twice, at En[Key=StopAfter] and at"
            + " En[Key=stopafter]; give each key once");
  }

  @Test
  void aDoctypeIsRefusedAndItsExternalEntityIsNeverRead(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Objs [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n"
        + HEAD + en("PreUpdateScript", "<S N=\"Value\">&e;</S>") + TAIL;

    InvalidProfileException e = refusal(xml);

    assertThat(e).hasMessageStartingWith("CLIXML profile: a DOCTYPE is not allowed (line 2, column ")
        .hasMessageNotContaining("TOP-SECRET-CONTENT");
  }

  @Test
  void theEntityOfTheBriefIsRefusedAsADoctype() {
    assertThat(refusal("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Objs>&e;</Objs>"))
        .hasMessageContaining("a DOCTYPE is not allowed")
        .hasMessageNotContaining("root:");
  }

  @Test
  void anExternalDtdIsRefusedAsADoctype() {
    assertThat(refusal("<!DOCTYPE Objs SYSTEM \"http://127.0.0.1:1/clixml.dtd\">" + HEAD + TAIL))
        .hasMessageContaining("a DOCTYPE is not allowed");
  }

  @Test
  void anOversizeInputIsRefusedWithoutReadingItAll() {
    long[] served = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        served[0]++;
        return ' ';
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        java.util.Arrays.fill(buffer, offset, offset + length, (byte) ' ');
        served[0] += length;
        return length;
      }
    };

    assertThatThrownBy(() -> RunProfile.importClixml(endless))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessage("CLIXML profile: is larger than 1048576 bytes (1 MiB); a profile is a few kilobytes");
    assertThat(served[0]).isEqualTo(RunProfile.MAX_SIZE + 1L);
  }

  @Test
  void aProfileThatIsNotAHashtableIsRefused() {
    assertThat(refusal("<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><S>hello</S></Objs>"))
        .hasMessage("CLIXML profile: Objs holds 1 element (S); a run profile is exactly one hashtable (Obj)");
    assertThat(refusal("<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><Obj RefId=\"0\">"
        + "<TN RefId=\"0\"><T>System.String[]</T></TN><LST><S>a</S></LST></Obj></Objs>"))
        .hasMessageStartingWith("CLIXML profile: Objs/Obj is a System.String[], not a hashtable");
  }

  @Test
  void aTypeNameReferenceToNoTypeNameIsRefused() {
    assertThat(refusal("<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><Obj RefId=\"0\">"
        + "<TNRef RefId=\"9\"/><DCT></DCT></Obj></Objs>"))
        .hasMessage("CLIXML profile: Objs/Obj/TNRef refers to no TN with RefId=\"9\"");
  }

  @Test
  void moreArgumentHashtablesThanPluginsAreRefused() {
    String tables = "<Obj N=\"Value\" RefId=\"1\"><TN RefId=\"1\"><T>System.Object[]</T></TN><LST>"
        + "<Obj RefId=\"2\"><TNRef RefId=\"0\"/><DCT></DCT></Obj>"
        + "<Obj RefId=\"3\"><TNRef RefId=\"0\"/><DCT></DCT></Obj></LST></Obj>";

    assertThatThrownBy(() -> importEntries(en("CauPluginArguments", tables)))
        .hasMessage("CLIXML profile: En[Key=CauPluginArguments]/Obj/LST holds 2 hashtables, but"
            + " CauPluginName names 1 plug-in (Microsoft.WindowsUpdatePlugin); give one hashtable"
            + " per plug-in, in the same order");
  }

  @Test
  void anUnsupportedRebootModeIsRefusedAsNotSupportedByCau4j() {
    assertThatThrownBy(() -> importEntries(en("RebootMode", "<S N=\"Value\">PluginCustomReboot</S>")))
        .hasMessage("CLIXML profile: En[Key=RebootMode]/S \"PluginCustomReboot\" is not supported"
            + " by cau4j; RebootMode must be FullReboot or SoftReboot");
  }

  @Test
  void aListItemOfTheWrongTypeIsNamedByItsPosition() {
    String names = "<Obj N=\"Value\" RefId=\"1\"><TN RefId=\"1\"><T>System.Object[]</T></TN>"
        + "<LST><S>Microsoft.WindowsUpdatePlugin</S><I32>7</I32></LST></Obj>";

    assertThatThrownBy(() -> importEntries(en("CauPluginName", names)))
        .hasMessage("CLIXML profile: En[Key=CauPluginName]/Obj/LST/I32[2] \"7\" is a whole number (I32),"
            + " but CauPluginName takes one string (S) or a list of strings");
  }
}

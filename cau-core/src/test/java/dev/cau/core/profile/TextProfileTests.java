package dev.cau.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.PluginNotFoundException;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.MigrationMode;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.core.options.PauseMode;
import dev.cau.core.options.PluginSelection;
import dev.cau.core.options.RunOptions;
import dev.cau.core.options.WorkflowOrder;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.plugin.fixtures.TestProviders;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TextProfileTests {
  private static final String SECRET = "hunter2-do-not-write";

  /** A plug-in with an ordinary and a secret argument. */
  private static final class VaultProvider extends TestProviders.Base {
    @Override
    public String name() {
      return "Test.Vault";
    }

    @Override
    public List<PluginArgument> arguments() {
      return List.of(
          PluginArgument.required("Share", ArgumentType.STRING, "Where the updates are."),
          new PluginArgument("Password", ArgumentType.STRING, null, false, true, "The share's password."));
    }
  }

  /** A plug-in with a string and a Boolean argument. */
  private static final class HotfixProvider extends TestProviders.Base {
    @Override
    public String name() {
      return "Test.Hotfix";
    }

    @Override
    public List<PluginArgument> arguments() {
      return List.of(
          PluginArgument.required("HotfixRootFolderPath", ArgumentType.STRING, "The share."),
          PluginArgument.optional("RequireSmbEncryption", ArgumentType.BOOLEAN, "false", "Encrypt."));
    }
  }

  private static final PluginRegistry REGISTRY =
      PluginRegistry.builder().register(new VaultProvider()).register(new HotfixProvider()).build();

  private static String write(RunOptions options) throws IOException {
    StringWriter out = new StringWriter();
    RunProfile.write(options, out, REGISTRY);
    return out.toString();
  }

  private static RunOptions read(String text) throws IOException {
    return RunProfile.read(new StringReader(text));
  }

  private static InvalidProfileException refusal(String text) {
    return catchThrowableOfType(() -> read(text), InvalidProfileException.class);
  }

  /** Options with every profile option away from its default. */
  private static RunOptions everythingChanged() {
    Map<String, String> hotfix = new LinkedHashMap<>();
    hotfix.put("HotfixRootFolderPath", "\\\\fs01\\Hotfixes, \"current\"");
    hotfix.put("RequireSmbEncryption", "true");
    return RunOptions.builder()
        .maxFailedNodes(2)
        .maxRetriesPerNode(7)
        .requireAllNodesOnline(true)
        .rebootTimeoutMinutes(45)
        .warnAfter(Duration.ofHours(2))
        .stopAfter(Duration.ofMinutes(390).plusSeconds(15))
        .preUpdateScript(" \\\\fs01\\cau scripts\\pre.ps1")
        .postUpdateScript("\"quoted\".ps1")
        .configurationName("CauRestricted")
        .plugin(new PluginSelection("Test.Hotfix", hotfix))
        .plugin(new PluginSelection("Test.Vault", Map.of("Share", "\\\\fs02\\vault")))
        .runPluginsSerially(true)
        .stopOnPluginFailure(true)
        .separateReboots(true)
        .enableFirewallRules(true)
        .failbackMode(FailbackMode.NO_FAILBACK)
        .pauseMode(PauseMode.FORCE_PAUSE_AND_DRAIN)
        .rebootMode(RebootMode.SOFT)
        .siteAwareUpdatingOrder(List.of("Redmond", "Dublin, Ireland", " Oslo"))
        .suspendClusterNodeTimeout(Duration.ofSeconds(90))
        .suspendRetriesPerNode(0)
        .waitForStorageRepairTimeout(Duration.ofMinutes(120))
        .workflowOrder(WorkflowOrder.INSTALL_THEN_DRAIN_IF_REBOOT)
        .skipCompliantNodes(false)
        .bypassMaintenanceModeCheck(true)
        .migrationMode(MigrationMode.SAVE_STATE)
        .suspendReboot(true)
        .maxUpdatePasses(5)
        .build();
  }

  @Test
  void everyNonDefaultOptionRoundTrips() throws IOException {
    RunOptions options = everythingChanged();

    SameOptions.assertSame(read(write(options)), options);
  }

  @Test
  void theDefaultsRoundTrip() throws IOException {
    SameOptions.assertSame(read(write(RunOptions.defaults())), RunOptions.defaults());
  }

  @ParameterizedTest
  @EnumSource(PauseMode.class)
  void everyPauseModeRoundTrips(PauseMode mode) throws IOException {
    RunOptions options = RunOptions.builder().pauseMode(mode).build();

    assertThat(read(write(options)).pauseMode()).isEqualTo(mode);
  }

  @Test
  void writingTwiceGivesTheSameTextWithEveryKeyInAStableOrder() throws IOException {
    String text = write(everythingChanged());

    assertThat(write(read(text))).isEqualTo(text);
    assertThat(text).startsWith("# cau4j updating run profile\n");
    List<String> keys = text.lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.substring(0, line.indexOf(" = ")))
        .filter(key -> !key.startsWith("CauPluginArguments."))
        .toList();
    List<String> written = RunProfile.keys().stream()
        .filter(key -> !key.equals("CauPluginArguments") && !key.equals("AttemptSoftReboot"))
        .toList();
    assertThat(keys).containsExactlyElementsOf(written);
  }

  @Test
  void optionsThatAreNotSetAreWrittenAsComments() throws IOException {
    String text = write(RunOptions.defaults());

    assertThat(text).contains(
        "# MaxFailedNodes = (not set: one third of the nodes, rounded down)\n",
        "# WarnAfter = (not set: no warning)\n",
        "# PreUpdateScript = (not set: no script)\n",
        "MaxRetriesPerNode = 3\n",
        "RebootTimeoutMinutes = 15\n",
        "CauPluginName = Microsoft.WindowsUpdatePlugin\n",
        "ForcePauseNoDrain = False\n",
        "RebootMode = FullReboot\n");
  }

  @Test
  void aSecretPluginArgumentIsNeverWritten() throws IOException {
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection("Test.Vault", Map.of("Share", "\\\\fs02\\vault", "password", SECRET)))
        .build();

    String text = write(options);

    assertThat(text)
        .doesNotContain(SECRET)
        .contains("CauPluginArguments.Test.Vault.Share = \\\\fs02\\vault\n")
        .contains("# CauPluginArguments.Test.Vault.password was not written: it is secret;"
            + " give it when you request the run\n");
    assertThat(read(text).plugins())
        .containsExactly(new PluginSelection("Test.Vault", Map.of("Share", "\\\\fs02\\vault")));
  }

  @Test
  void anArgumentThePluginDoesNotDeclareIsNotWritten() throws IOException {
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection("Test.Vault", Map.of("Token", SECRET)))
        .build();

    assertThat(write(options))
        .doesNotContain(SECRET)
        .contains("# CauPluginArguments.Test.Vault.Token was not written: Test.Vault declares no such argument\n");
  }

  @Test
  void aPluginWithArgumentsThatIsNotInTheRegistryIsRefusedAndNothingIsWritten() {
    RunOptions options = RunOptions.builder()
        .plugin(new PluginSelection("Contoso.Firmware", Map.of("Key", SECRET)))
        .build();
    StringWriter out = new StringWriter();

    assertThatThrownBy(() -> RunProfile.write(options, out, REGISTRY))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("Contoso.Firmware");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aValueWithALineBreakCannotBeWritten() {
    RunOptions options = RunOptions.builder().configurationName("two\nlines").build();

    assertThatThrownBy(() -> write(options))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessage("Cannot write the profile: the value of ConfigurationName holds a line break or"
            + " other control character, which a profile line cannot hold");
  }

  @Test
  void aHandWrittenProfileReadsWithCommentsCaseAndTimeSpans() throws IOException {
    RunOptions options = read("""
        \uFEFF# comment
          # indented comment

        maxretriespernode=4
        REQUIREALLNODESONLINE = true
        WarnAfter = 1:30
        StopAfter = 1.02:00:00.5
        RebootTimeoutMinutes = PT1H
        AttemptSoftReboot = TRUE
        failbackmode = noFAILBACK
        CauPluginName = Test.Hotfix
        cauPluginArguments.test.hotfix.HotfixRootFolderPath = \\\\fs\\x # not a comment\r
        """);

    assertThat(options.maxRetriesPerNode()).isEqualTo(4);
    assertThat(options.requireAllNodesOnline()).isTrue();
    assertThat(options.warnAfter()).hasValue(Duration.ofMinutes(90));
    assertThat(options.stopAfter()).hasValue(Duration.ofHours(26).plusMillis(500));
    assertThat(options.rebootTimeout()).isEqualTo(Duration.ofHours(1));
    assertThat(options.rebootMode()).isEqualTo(RebootMode.SOFT);
    assertThat(options.failbackMode()).isEqualTo(FailbackMode.NO_FAILBACK);
    assertThat(options.plugins()).containsExactly(new PluginSelection(
        "Test.Hotfix", Map.of("HotfixRootFolderPath", "\\\\fs\\x # not a comment")));
  }

  @Test
  void theExampleOfTheDocumentationReads() throws IOException {
    RunOptions options;
    try (InputStream in = TextProfileTests.class.getResourceAsStream("example.profile")) {
      options = RunProfile.read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }

    assertThat(options.postUpdateScript()).hasValue("\\\\fs01\\cau scripts\\post.ps1");
    assertThat(options.stopAfter()).hasValue(Duration.ofHours(6));
    assertThat(options.plugins()).extracting(PluginSelection::name)
        .containsExactly("Microsoft.WindowsUpdatePlugin", "Microsoft.HotfixPlugin");
    assertThat(options.plugins().get(1).arguments())
        .containsEntry("HotfixRootFolderPath", "\\\\fs01\\Hotfixes\\Root")
        .containsEntry("RequireSmbEncryption", "True");
    assertThat(options.pauseMode()).isEqualTo(PauseMode.FORCE_PAUSE_AND_DRAIN);
    assertThat(options.siteAwareUpdatingOrder()).containsExactly("Redmond", "Dublin");
  }

  @Test
  void pathOverloadsWriteAndReadUtf8Files(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cluster.profile");
    RunOptions options = RunOptions.builder().configurationName("Zürich-Konfiguration").build();

    RunProfile.write(options, file, REGISTRY);

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("ConfigurationName = Zürich-Konfiguration");
    SameOptions.assertSame(RunProfile.read(file), options);
  }

  @Test
  void aFileThatIsNotUtf8IsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.profile");
    Files.write(file, "ConfigurationName = Zürich\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> RunProfile.read(file))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessage("Profile \"" + file + "\": is not UTF-8 text");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Credential    | a profile never holds credentials; give them when you request the run
      StartDate     | a profile never holds the self-updating schedule; set the schedule on the self-updating role
      DaysOfWeek    | a profile never holds the self-updating schedule; set the schedule on the self-updating role
      WeeksOfMonth  | a profile never holds the self-updating schedule; set the schedule on the self-updating role
      IntervalWeeks | a profile never holds the self-updating schedule; set the schedule on the self-updating role
      RunOnce       | a profile never holds the self-updating schedule; set the schedule on the self-updating role
      ClusterName   | it is given when a run is requested, not stored in a profile
      nodeorder     | it is given when a run is requested, not stored in a profile
      """)
  void keysAProfileNeverHoldsAreRefusedWithTheReason(String key, String reason) {
    assertThat(refusal("MaxRetriesPerNode = 3\n" + key + " = something\n"))
        .hasMessage("Profile: line 2: \"" + key + "\" is not allowed in a profile: " + reason);
  }

  @Test
  void anUnknownKeyIsRefusedListingTheSupportedKeys() {
    assertThat(refusal("MaxRetries = 3"))
        .hasMessageStartingWith("Profile: line 1: unknown key \"MaxRetries\"; a profile may hold"
            + " MaxFailedNodes, MaxRetriesPerNode, RequireAllNodesOnline,")
        .hasMessageEndingWith(", and plug-in arguments as CauPluginArguments.<PluginName>.<ArgumentName>");
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingBothLines() {
    assertThat(refusal("StopAfter = PT4H\n\n# again\nstopafter = PT5H\n"))
        .hasMessage("Profile: \"StopAfter\" is given twice, at line 1 and at line 4; give each key once");
  }

  @Test
  void aPluginArgumentGivenTwiceIsRefusedNamingBothLines() {
    assertThat(refusal("""
        CauPluginName = Test.Hotfix
        CauPluginArguments.Test.Hotfix.Share = a
        CauPluginArguments.Test.Hotfix.SHARE = b
        """))
        .hasMessage("Profile: argument \"SHARE\" of plug-in \"Test.Hotfix\" is given twice, at line 2"
            + " and at line 3 (names match regardless of letter case)");
  }

  @Test
  void aBadValueIsRefusedNamingLineKeyAndValue() {
    InvalidProfileException e = refusal("# retries\nMaxRetriesPerNode = many\n");

    assertThat(e).hasMessage("Profile: line 2, MaxRetriesPerNode \"many\" is not a whole number");
    assertThat(e.location()).hasValue("line 2, MaxRetriesPerNode");
  }

  @Test
  void aBadDurationSaysWhichFormsAreAccepted() {
    assertThat(refusal("WarnAfter = 90"))
        .hasMessage("Profile: line 1, WarnAfter \"90\" is not a duration; write ISO-8601 such as"
            + " PT1H30M, or hours:minutes:seconds such as 01:30:00");
  }

  @Test
  void aValueOutOfRangeGivesTheRunOptionsMessageAndTheLine() {
    InvalidProfileException e = refusal("MaxRetriesPerNode = 65");

    assertThat(e).hasMessage("Profile: line 1, MaxRetriesPerNode: \"MaxRetriesPerNode\" must be"
        + " between 1 and 64, but was 65");
    assertThat(e).hasCauseInstanceOf(InvalidOptionsException.class);
  }

  @Test
  void aCheckAcrossOptionsNamesTheLineOfTheOptionItRefuses() {
    assertThat(refusal("StopAfter = PT1H\nWarnAfter = PT2H\n"))
        .hasMessage("Profile: line 2, WarnAfter: \"WarnAfter\" must be shorter than StopAfter (PT1H),"
            + " but was PT2H");
  }

  @Test
  void twoForcePauseSwitchesAreRefusedNamingBoth() {
    assertThat(refusal("ForcePauseNoDrain = True\nForcePauseAndDrain = False\nForcePauseDrainAndReboot = True\n"))
        .hasMessage("Profile: \"ForcePauseNoDrain\" (line 1) and \"ForcePauseDrainAndReboot\" (line 3)"
            + " are both True; set at most one ForcePause switch");
  }

  @ParameterizedTest
  @CsvSource({"ClusProp", "PluginCustomReboot", "orchestratordefault"})
  void rebootModesCau4jDoesNotSupportAreRefused(String mode) {
    assertThat(refusal("RebootMode = " + mode))
        .hasMessage("Profile: line 1, RebootMode \"" + mode + "\" is not supported by cau4j;"
            + " RebootMode must be FullReboot or SoftReboot");
  }

  @Test
  void attemptSoftRebootContradictingRebootModeIsRefused() {
    assertThat(refusal("AttemptSoftReboot = True\nRebootMode = FullReboot\n"))
        .hasMessage("Profile: \"AttemptSoftReboot\" (line 1) asks for a soft reboot, but \"RebootMode\""
            + " (line 2) is FullReboot; give only one of them");
  }

  @Test
  void anArgumentOfAPluginNotInCauPluginNameIsRefused() {
    assertThat(refusal("CauPluginName = Test.Hotfix\nCauPluginArguments.Test.Vault.Share = x\n"))
        .hasMessage("Profile: line 2: \"CauPluginArguments.Test.Vault.Share\" names no plug-in of"
            + " CauPluginName (Test.Hotfix); write CauPluginArguments.<PluginName>.<ArgumentName> = value");
  }

  @Test
  void malformedLinesAreRefused() {
    assertThat(refusal("MaxRetriesPerNode 3")).hasMessage(
        "Profile: line 1 is not \"Key = Value\": \"MaxRetriesPerNode 3\"");
    assertThat(refusal("WarnAfter =")).hasMessage("Profile: line 1, WarnAfter has no value;"
        + " remove the line to keep the default, or write \"\" for an empty string");
    assertThat(refusal("PreUpdateScript = \"unclosed")).hasMessage(
        "Profile: line 1, PreUpdateScript \"unclosed has an opening quote without a closing one");
  }

  @Test
  void anErrorInAPluginArgumentNeverShowsItsValue() {
    assertThat(refusal("CauPluginName = Test.Vault\nCauPluginArguments.Test.Vault.Password = \"" + SECRET))
        .hasMessage("Profile: line 2, CauPluginArguments.Test.Vault.Password has an opening quote"
            + " without a closing one");
    assertThat(refusal("CauPluginArguments.Test.Vault.Password " + SECRET))
        .hasMessage("Profile: line 1 is not \"Key = Value\"");
    assertThat(refusal("CauPluginArguments = " + SECRET))
        .hasMessage("Profile: line 1, CauPluginArguments: write each plug-in argument on a line of its"
            + " own, as CauPluginArguments.<PluginName>.<ArgumentName> = value");
  }

  @Test
  void anOverlongLineIsRefused() {
    assertThat(refusal("# short\nPreUpdateScript = " + "x".repeat(RunProfile.MAX_LINE_LENGTH)))
        .hasMessage("Profile: line 2 is longer than 8192 characters");
  }

  @Test
  void anOversizeProfileIsRefusedWithoutReadingItAll() {
    long[] served = {0};
    Reader endless = new Reader() {
      @Override
      public int read(char[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
          buffer[offset + i] = i % 64 == 63 ? '\n' : '#';
        }
        served[0] += length;
        return length;
      }

      @Override
      public void close() {}
    };

    assertThatThrownBy(() -> RunProfile.read(endless))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessage("Profile: is larger than 1048576 characters (1 MiB); a profile is a few kilobytes");
    assertThat(served[0]).isLessThan(RunProfile.MAX_SIZE + 8192L);
  }

  @Test
  void anOversizeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("huge.profile");
    Files.write(file, new byte[RunProfile.MAX_SIZE + 1]);

    assertThatThrownBy(() -> RunProfile.read(file))
        .hasMessage("Profile \"" + file + "\": is 1048577 bytes, larger than 1048576 (1 MiB);"
            + " a profile is a few kilobytes");
  }
}

package dev.cau.plugin.hotfix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.plugin.UpdateResultCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The configuration reader accepts the shipped default and refuses every malformed file with the
 * element and the line named.
 */
class HotfixConfigReaderTests {
  private static final String FILE = "DefaultHotfixConfig.xml";

  static final String MSU = """
      <Extension name="MSU">
        <Template path="C:\\Windows\\System32\\wusa.exe" parameters="$update$ /quiet /norestart"/>
        <ExitConditions><Success><ExitCode code="0"/></Success></ExitConditions>
      </Extension>""";

  private static HotfixConfig read(String xml) {
    return HotfixConfigReader.read(FILE, xml.getBytes(UTF_8));
  }

  /** A configuration with the MSU rule and the given rules inside {@code <FolderRules>}. */
  private static String withFolders(String folders) {
    return "<HotfixInstallerConfiguration>\n<DefaultRules><ExtensionRules>\n" + MSU
        + "\n</ExtensionRules></DefaultRules>\n<FolderRules>\n" + folders + "\n</FolderRules>\n"
        + "</HotfixInstallerConfiguration>\n";
  }

  private static HotfixConfigException refused(String xml) {
    try {
      read(xml);
    } catch (HotfixConfigException e) {
      return e;
    }
    throw new AssertionError("accepted:\n" + xml);
  }

  @Test
  void theShippedDefaultIsAccepted() {
    HotfixConfig config = read(HotfixPluginProvider.defaultConfiguration());

    assertThat(config.extensionRules()).containsOnlyKeys("MSU", "MSI", "MSP");
    assertThat(config.folderRules()).isEmpty();
    InstallerRule msu = config.extensionRules().get("MSU");
    assertThat(msu.templatePath()).isEqualTo("C:\\Windows\\System32\\wusa.exe");
    assertThat(msu.parameters()).containsExactly("$update$", "/quiet", "/norestart");
    assertThat(msu.exitCodes()).containsEntry(0L, ExitClass.SUCCESS)
        .containsEntry(3010L, ExitClass.SUCCESS_REBOOT_REQUIRED)
        .containsEntry(0x00240005L, ExitClass.SUCCESS_REBOOT_REQUIRED)
        .containsEntry(0x00240006L, ExitClass.ALREADY_INSTALLED)
        .containsEntry(0x80240017L, ExitClass.NOT_APPLICABLE)
        .containsEntry(3017L, ExitClass.FAIL_REBOOT_REQUIRED);
    assertThat(config.extensionRules().get("MSI").parameters()).containsExactly("/i", "$update$", "/qn", "/norestart");
    assertThat(config.extensionRules().get("MSP").parameters()).containsExactly("/update", "$update$", "/qn",
        "/norestart");
    assertThat(config.extensionRules().get("MSI").exitCodes()).containsEntry(1641L, ExitClass.SUCCESS_REBOOT_REQUIRED)
        .containsEntry(3011L, ExitClass.SUCCESS_REBOOT_REQUIRED);
  }

  @Test
  void aFolderRuleWithAlwaysRebootAndEveryExitClassIsRead() {
    HotfixConfig config = read(withFolders("""
        <Folder name="BIOS" alwaysReboot="true">
          <Template path="$update$" parameters="/s /f"/>
          <ExitConditions>
            <Success><ExitCode code="0"/></Success>
            <Success_RebootRequired><ExitCode code="2"/></Success_RebootRequired>
            <Fail_RebootRequired><ExitCode code="-2147024891"/></Fail_RebootRequired>
            <AlreadyInstalled><ExitCode code="0xFFFFFFFF"/></AlreadyInstalled>
            <NotApplicable><ExitCode code="4294967294"/></NotApplicable>
          </ExitConditions>
        </Folder>"""));

    InstallerRule bios = config.ruleForFolder("bios").orElseThrow();
    assertThat(bios.alwaysReboot()).isTrue();
    assertThat(bios.folderRule()).isTrue();
    assertThat(bios.exitCodes()).containsEntry(0x80070005L, ExitClass.FAIL_REBOOT_REQUIRED)
        .containsEntry(0xFFFFFFFFL, ExitClass.ALREADY_INSTALLED)
        .containsEntry(0xFFFFFFFEL, ExitClass.NOT_APPLICABLE);
    assertThat(bios.program("\\\\fs\\h\\CAUHotfix_All\\BIOS\\x.exe")).isEqualTo("\\\\fs\\h\\CAUHotfix_All\\BIOS\\x.exe");
    assertThat(bios.classify(0).result()).isEqualTo(UpdateResultCode.SUCCEEDED);
  }

  @Test
  void aSwitchFollowedByTheUpdateIsOneArgument() {
    HotfixConfig config = read(withFolders("""
        <Folder name="CABs">
          <Template path="C:\\Windows\\System32\\dism.exe" parameters="/Online /Add-Package /PackagePath:$update$ /Quiet"/>
          <ExitConditions><Success><ExitCode code="0"/></Success></ExitConditions>
        </Folder>"""));

    assertThat(config.ruleForFolder("CABS").orElseThrow().arguments("D:\\h\\a b.cab"))
        .containsExactly("/Online", "/Add-Package", "/PackagePath:D:\\h\\a b.cab", "/Quiet");
  }

  @Test
  void commentsAReferencesAndAByteOrderMarkAreAccepted() {
    String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- ours -->\n" + withFolders(
        "<Folder name=\"A&amp;B&#x43;\"><Template path=\"$update$\"/><ExitConditions><Success>"
            + "<ExitCode code=\"0\"/></Success></ExitConditions></Folder>");

    assertThat(read(xml).folderRules()).containsOnlyKeys("A&BC");
  }

  @Test
  void missingSuccessIsRefused() {
    HotfixConfigException e = refused(withFolders("""
        <Folder name="BIOS">
          <Template path="$update$"/>
          <ExitConditions>
            <Success_RebootRequired><ExitCode code="3010"/></Success_RebootRequired>
          </ExitConditions>
        </Folder>"""));

    assertThat(e.element()).isEqualTo("ExitConditions");
    assertThat(e.line()).isEqualTo(11);
    assertThat(e).hasMessage("Hotfix configuration \"DefaultHotfixConfig.xml\", line 11, <ExitConditions>: <Success> is"
        + " missing; allowed: <Success> is required, the other classes are optional");
  }

  @Test
  void aDoctypeIsRefused() {
    HotfixConfigException e = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE HotfixInstallerConfiguration>\n"
        + withFolders(""));

    assertThat(e.line()).isEqualTo(2);
    assertThat(e).hasMessageContaining("a DOCTYPE (document type definition) is not allowed");
  }

  @Test
  void anExternalEntityIsRefusedAndNothingIsFetched() {
    HotfixConfigException e = refused("<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        + withFolders(""));

    assertThat(e.line()).isEqualTo(1);
    assertThat(e).hasMessageContaining("DOCTYPE");
  }

  @Test
  void anUndeclaredEntityReferenceIsRefused() {
    HotfixConfigException e = refused(withFolders("<Folder name=\"&xxe;\"/>"));

    assertThat(e.line()).isEqualTo(9);
    assertThat(e.element()).isEqualTo("Folder");
    assertThat(e).hasMessageContaining("the entity reference &xxe; is not allowed");
  }

  @Test
  void hundredLevelsOfNestingAreRefusedAtTheLimit() {
    StringBuilder xml = new StringBuilder("<HotfixInstallerConfiguration>\n");
    for (int i = 0; i < 100; i++) {
      xml.append("<FolderRules>\n");
    }
    HotfixConfigException e = refused(xml.toString());

    assertThat(e.line()).isEqualTo(BoundedXml.MAX_DEPTH + 1);
    assertThat(e).hasMessageContaining("the elements nest deeper than 16 levels; allowed: at most 16");
  }

  @Test
  void aFiftyMegabyteFileIsRefusedBeforeItIsParsed() {
    byte[] big = new byte[50 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');

    assertThatThrownBy(() -> HotfixConfigReader.read(FILE, big))
        .isInstanceOf(HotfixConfigException.class)
        .hasMessage("Hotfix configuration \"DefaultHotfixConfig.xml\": the file holds 52428800 bytes; allowed: at most"
            + " 1048576 bytes");
  }

  @Test
  void anUnknownElementIsRefused() {
    HotfixConfigException e = refused(withFolders("<Folder name=\"X\"><Template path=\"$update$\"/>"
        + "<ExitConditions><Success><ExitCode code=\"0\"/></Success></ExitConditions><Script/></Folder>"));

    assertThat(e.element()).isEqualTo("Script");
    assertThat(e).hasMessageContaining("<Script> is not allowed inside <Folder>; allowed: Template, ExitConditions");
  }

  @Test
  void anUnknownAttributeIsRefused() {
    HotfixConfigException e = refused(withFolders("<Folder name=\"X\" alwaysreboot=\"true\"/>"));

    assertThat(e).hasMessageContaining("attribute \"alwaysreboot\" is not allowed; allowed: alwaysReboot, name");
  }

  @Test
  void aTemplateWithoutUpdateIsRefused() {
    HotfixConfigException e = refused(withFolders("""
        <Folder name="Firmware">
          <Template path="C:\\Tools\\flash.exe" parameters="/all /quiet"/>
          <ExitConditions><Success><ExitCode code="0"/></Success></ExitConditions>
        </Folder>"""));

    assertThat(e.element()).isEqualTo("Template");
    assertThat(e.line()).isEqualTo(10);
    assertThat(e).hasMessageContaining("neither \"path\" nor \"parameters\" holds $update$");
  }

  @Test
  void anInstallerPathThatIsNotAFullPathIsRefused() {
    for (String path : new String[] {"wusa.exe", "%SystemRoot%\\System32\\wusa.exe", "System32\\wusa.exe",
        "C:\\Tools\\..\\evil.exe", "\u0421:\\x.exe"}) {
      HotfixConfigException e = refused(withFolders("<Folder name=\"F\"><Template path=\"" + path
          + "\" parameters=\"$update$\"/><ExitConditions><Success><ExitCode code=\"0\"/></Success></ExitConditions>"
          + "</Folder>"));
      assertThat(e.element()).as(path).isEqualTo("Template");
      assertThat(e).as(path).hasMessageContaining("allowed: the installer's full path");
    }
  }

  @Test
  void updateSplicedIntoAnotherParameterIsRefused() {
    HotfixConfigException e = refused(withFolders("""
        <Folder name="Firmware">
          <Template path="C:\\Tools\\flash.exe" parameters="--file=x$update$y"/>
          <ExitConditions><Success><ExitCode code="0"/></Success></ExitConditions>
        </Folder>"""));

    assertThat(e).hasMessageContaining("parameter \"--file=x$update$y\" joins $update$ to other text");
  }

  @Test
  void updateUsedTwiceIsRefused() {
    HotfixConfigException e = refused(withFolders("""
        <Folder name="Firmware">
          <Template path="$update$" parameters="$update$"/>
          <ExitConditions><Success><ExitCode code="0"/></Success></ExitConditions>
        </Folder>"""));

    assertThat(e).hasMessageContaining("$update$ is used 2 times; allowed: once");
  }

  @Test
  void quotesInParametersAreRefused() {
    HotfixConfigException e = refused(withFolders("""
        <Folder name="Firmware">
          <Template path="C:\\t.exe" parameters="&quot;$update$&quot; /s"/>
          <ExitConditions><Success><ExitCode code="0"/></Success></ExitConditions>
        </Folder>"""));

    assertThat(e.element()).isEqualTo("Template");
    assertThat(e).hasMessageContaining("without quotes");
  }

  @Test
  void anExtensionOtherThanMsuMsiOrMspIsRefused() {
    HotfixConfigException e = refused("""
        <HotfixInstallerConfiguration>
          <DefaultRules><ExtensionRules>
            <Extension name="EXE"><Template path="$update$"/><ExitConditions><Success><ExitCode code="0"/></Success></ExitConditions></Extension>
          </ExtensionRules></DefaultRules>
        </HotfixInstallerConfiguration>""");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e).hasMessageContaining("attribute \"name\" is \"EXE\"; allowed: MSU, MSI or MSP");
  }

  @Test
  void aDuplicateExtensionRuleIsRefused() {
    HotfixConfigException e = refused("<HotfixInstallerConfiguration><DefaultRules><ExtensionRules>\n" + MSU + "\n"
        + MSU.replace("MSU", "msu") + "\n</ExtensionRules></DefaultRules></HotfixInstallerConfiguration>");

    assertThat(e).hasMessageContaining("a rule for extension \"MSU\" is given twice");
  }

  @Test
  void aCodeInTwoClassesIsRefused() {
    HotfixConfigException e = refused(withFolders("""
        <Folder name="F"><Template path="$update$"/><ExitConditions>
          <Success><ExitCode code="3010"/></Success>
          <Success_RebootRequired><ExitCode code="0xBC2"/></Success_RebootRequired>
        </ExitConditions></Folder>"""));

    assertThat(e.element()).isEqualTo("ExitCode");
    assertThat(e).hasMessageContaining("exit code 0x00000BC2 (3010) is listed in <Success> and in"
        + " <Success_RebootRequired>");
  }

  @Test
  void anExitCodeOutside32BitsIsRefused() {
    for (String code : new String[] {"4294967296", "-2147483649", "0x100000000", "ten", "0x", ""}) {
      HotfixConfigException e = refused(withFolders("<Folder name=\"F\"><Template path=\"$update$\"/><ExitConditions>"
          + "<Success><ExitCode code=\"" + code + "\"/></Success></ExitConditions></Folder>"));
      assertThat(e.element()).as(code).isEqualTo("ExitCode");
    }
  }

  @Test
  void aBadAlwaysRebootIsRefused() {
    HotfixConfigException e = refused(withFolders("<Folder name=\"F\" alwaysReboot=\"yes\"/>"));

    assertThat(e).hasMessageContaining("attribute \"alwaysReboot\" is \"yes\"; allowed: true, false, 1 or 0");
  }

  @Test
  void aFolderRuleNamedLikeNoWindowsFolderIsRefused() {
    for (String name : new String[] {"..", "BIOS.", "BIOS ", "CON", "a\\b", "CAUHotfix_all"}) {
      HotfixConfigException e = refused(withFolders("<Folder name=\"" + name + "\"><Template path=\"$update$\"/>"
          + "<ExitConditions><Success><ExitCode code=\"0\"/></Success></ExitConditions></Folder>"));
      assertThat(e.element()).as(name).isEqualTo("Folder");
      assertThat(e.line()).as(name).isEqualTo(9);
    }
  }

  @Test
  void aWrongRootElementIsRefused() {
    HotfixConfigException e = refused("<DefaultRules/>");

    assertThat(e).hasMessageContaining("the root element must be <HotfixInstallerConfiguration>, not <DefaultRules>");
  }

  @Test
  void notWellFormedDocumentsAreRefusedWithTheLine() {
    assertThat(refused(withFolders("<Folder name=\"F\">"))).hasMessageContaining(", line 10, <Folder>: the end tag"
        + " </FolderRules> does not match the start tag <Folder> of line 9");
    assertThat(refused("<HotfixInstallerConfiguration>\n</DefaultRules>").line()).isEqualTo(2);
    assertThat(refused(withFolders("<Folder name='F' name='G'/>"))).hasMessageContaining("given twice");
    assertThat(refused(withFolders("<![CDATA[x]]>"))).hasMessageContaining("CDATA");
    assertThat(refused(withFolders("<?pi x?>"))).hasMessageContaining("processing instruction");
    assertThat(refused(withFolders("") + "<more/>")).hasMessageContaining("content after the end of the root element");
  }

  @Test
  void textInsideAnElementIsRefused() {
    HotfixConfigException e = refused(withFolders("stray words"));

    assertThat(e.element()).isEqualTo("FolderRules");
    assertThat(e).hasMessageContaining("text \"stray words\" is not allowed");
  }

  @Test
  void anEncodingOtherThanUtf8IsRefused() {
    assertThat(refused("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + withFolders("")))
        .hasMessageContaining("encoding \"UTF-16\"; allowed: UTF-8");
    assertThatThrownBy(() -> HotfixConfigReader.read(FILE, new byte[] {'<', (byte) 0xC3, '>'}))
        .hasMessageContaining("not UTF-8 text");
  }

  @Test
  void aConfigurationWithoutRulesIsRefused() {
    HotfixConfigException e = refused("<HotfixInstallerConfiguration><DefaultRules><ExtensionRules/></DefaultRules>"
        + "</HotfixInstallerConfiguration>");

    assertThat(e).hasMessageContaining("has no <Extension> and no <Folder> rule");
  }
}

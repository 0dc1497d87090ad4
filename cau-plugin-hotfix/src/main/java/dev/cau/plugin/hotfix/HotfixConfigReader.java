package dev.cau.plugin.hotfix;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a hotfix configuration file (CAU's {@code DefaultHotfixConfig.xml} shape):
 *
 * <pre>{@code
 * <HotfixInstallerConfiguration>
 *   <DefaultRules><ExtensionRules>
 *     <Extension name="MSU">
 *       <Template path="C:\Windows\System32\wusa.exe" parameters="$update$ /quiet /norestart"/>
 *       <ExitConditions><Success><ExitCode code="0"/></Success>...</ExitConditions>
 *     </Extension>
 *   </ExtensionRules></DefaultRules>
 *   <FolderRules>
 *     <Folder name="BIOS" alwaysReboot="true"> <Template path="$update$" parameters="/s"/> ... </Folder>
 *   </FolderRules>
 * </HotfixInstallerConfiguration>
 * }</pre>
 *
 * <p>The document is read by {@link BoundedXml} (no DTD, no entities, bounded). Every element
 * and attribute not named above is refused, as is text inside elements, so that a typing
 * mistake cannot silently drop a rule. Each error names the element, the line, the value and what
 * is allowed.
 */
final class HotfixConfigReader {
  /** The root element. */
  static final String ROOT = "HotfixInstallerConfiguration";

  /** The extensions an {@code <Extension>} rule may name: other types need a {@code <Folder>} rule. */
  static final Set<String> EXTENSIONS = Set.of("MSU", "MSI", "MSP");

  private final String file;

  private HotfixConfigReader(String file) {
    this.file = file;
  }

  /**
   * Reads a configuration.
   *
   * @param file the file's name, for messages
   * @param content its bytes
   * @return the valid configuration
   * @throws HotfixConfigException naming the element and line of the first problem
   */
  static HotfixConfig read(String file, byte[] content) {
    return new HotfixConfigReader(file).config(BoundedXml.parse(file, content));
  }

  private HotfixConfig config(XmlElement root) {
    if (!root.name().equals(ROOT)) {
      throw fail(root, "the root element must be <" + ROOT + ">, not <" + root.name() + ">");
    }
    for (String attribute : root.attributes().keySet()) {
      if (!attribute.equals("xmlns") && !attribute.startsWith("xmlns:") && !attribute.startsWith("xsi:")) {
        throw fail(root, "attribute \"" + attribute + "\" is not allowed; allowed: namespace declarations only");
      }
    }
    noText(root);
    Map<String, InstallerRule> extensions = new LinkedHashMap<>();
    Map<String, InstallerRule> folders = new LinkedHashMap<>();
    boolean sawDefault = false;
    boolean sawFolders = false;
    for (XmlElement child : root.children()) {
      switch (child.name()) {
        case "DefaultRules" -> {
          sawDefault = once(child, sawDefault);
          extensionRules(child, extensions);
        }
        case "FolderRules" -> {
          sawFolders = once(child, sawFolders);
          folderRules(child, folders);
        }
        default -> throw unknown(child, root, "DefaultRules, FolderRules");
      }
    }
    if (extensions.isEmpty() && folders.isEmpty()) {
      throw fail(root, "the configuration has no <Extension> and no <Folder> rule, so nothing could be installed;"
          + " allowed: at least one rule");
    }
    return new HotfixConfig(extensions, folders);
  }

  private void extensionRules(XmlElement defaults, Map<String, InstallerRule> rules) {
    noAttributes(defaults);
    noText(defaults);
    boolean sawList = false;
    for (XmlElement list : defaults.children()) {
      if (!list.name().equals("ExtensionRules")) {
        throw unknown(list, defaults, "ExtensionRules");
      }
      sawList = once(list, sawList);
      noAttributes(list);
      noText(list);
      for (XmlElement extension : list.children()) {
        if (!extension.name().equals("Extension")) {
          throw unknown(extension, list, "Extension");
        }
        allowAttributes(extension, Set.of("name"));
        String name = required(extension, "name");
        String key = WindowsNames.upper(name);
        if (!EXTENSIONS.contains(key)) {
          throw fail(extension, "attribute \"name\" is \"" + name + "\"; allowed: MSU, MSI or MSP (without the dot);"
              + " other file types are installed only from a folder that a <Folder> rule names");
        }
        InstallerRule rule = rule(extension, false, key, false);
        if (rules.put(key, rule) != null) {
          throw fail(extension, "a rule for extension \"" + key + "\" is given twice; allowed: one rule per extension");
        }
      }
    }
    if (!sawList) {
      throw fail(defaults, "<ExtensionRules> is missing; allowed: exactly one <ExtensionRules>");
    }
  }

  private void folderRules(XmlElement list, Map<String, InstallerRule> rules) {
    noAttributes(list);
    noText(list);
    for (XmlElement folder : list.children()) {
      if (!folder.name().equals("Folder")) {
        throw unknown(folder, list, "Folder");
      }
      allowAttributes(folder, Set.of("name", "alwaysReboot"));
      String name = required(folder, "name");
      WindowsNames.problem(name).ifPresent(problem -> {
        throw fail(folder, "attribute \"name\" is \"" + name + "\", which is not a folder name: " + problem
            + "; allowed: a plain Windows folder name");
      });
      if (WindowsNames.same(name, RootFolderLayout.ALL_NODES)) {
        throw fail(folder, "attribute \"name\" is \"" + name + "\"; allowed: any folder name but "
            + RootFolderLayout.ALL_NODES + ", which holds the updates for every node");
      }
      boolean alwaysReboot = bool(folder, "alwaysReboot");
      InstallerRule rule = rule(folder, true, name, alwaysReboot);
      if (rules.put(WindowsNames.upper(name), rule) != null) {
        throw fail(folder, "a rule for folder \"" + name + "\" is given twice; allowed: one rule per folder name");
      }
    }
  }

  private InstallerRule rule(XmlElement element, boolean folderRule, String name, boolean alwaysReboot) {
    noText(element);
    XmlElement template = null;
    XmlElement conditions = null;
    for (XmlElement child : element.children()) {
      switch (child.name()) {
        case "Template" -> {
          once(child, template != null);
          template = child;
        }
        case "ExitConditions" -> {
          once(child, conditions != null);
          conditions = child;
        }
        default -> throw unknown(child, element, "Template, ExitConditions");
      }
    }
    if (template == null) {
      throw fail(element, "<Template> is missing; allowed: exactly one <Template path=\"...\" parameters=\"...\"/>");
    }
    if (conditions == null) {
      throw fail(element, "<ExitConditions> is missing; allowed: exactly one, with at least <Success>");
    }
    allowAttributes(template, Set.of("path", "parameters"));
    noChildren(template);
    noText(template);
    String path = required(template, "path").strip();
    if (path.isEmpty() || path.chars().anyMatch(c -> c < 0x20)) {
      throw fail(template, "attribute \"path\" is \"" + path + "\"; allowed: the full path of the installer, or "
          + InstallerRule.UPDATE + " to run the update file itself");
    }
    if (!path.equals(InstallerRule.UPDATE) && !absolute(path)) {
      throw fail(template, "attribute \"path\" is \"" + path + "\"; allowed: the installer's full path, such as"
          + " C:\\Windows\\System32\\wusa.exe or \\\\server\\share\\tool.exe (no environment variables, which"
          + " no node expands for us), or " + InstallerRule.UPDATE + " to run the update file itself");
    }
    if (path.contains(InstallerRule.UPDATE) && !path.equals(InstallerRule.UPDATE)) {
      throw fail(template, "attribute \"path\" is \"" + path + "\"; allowed: an installer's path without "
          + InstallerRule.UPDATE + ", or exactly " + InstallerRule.UPDATE);
    }
    List<String> parameters = parameters(template, template.attributes().getOrDefault("parameters", ""));
    long uses = parameters.stream().filter(p -> p.contains(InstallerRule.UPDATE)).count()
        + (path.equals(InstallerRule.UPDATE) ? 1 : 0);
    if (uses == 0) {
      throw fail(template, "neither \"path\" nor \"parameters\" holds " + InstallerRule.UPDATE
          + ", so the installer would not know which file to install; allowed: " + InstallerRule.UPDATE
          + " as the path or as one parameter");
    }
    if (uses > 1) {
      throw fail(template, InstallerRule.UPDATE + " is used " + uses + " times; allowed: once, as the path or as one"
          + " parameter");
    }
    return new InstallerRule(folderRule, name, path, parameters, exitCodes(conditions), alwaysReboot, element.line());
  }

  /** Splits the parameters at whitespace; each piece is one argument, and {@code $update$} stands alone or after a switch. */
  private List<String> parameters(XmlElement template, String text) {
    if (text.indexOf('"') >= 0 || text.chars().anyMatch(c -> c < 0x20 && c != ' ' && c != '\t')) {
      throw fail(template, "attribute \"parameters\" is \"" + text + "\"; allowed: arguments separated by spaces,"
          + " without quotes or control characters (each piece is passed as one argument, so none needs quoting)");
    }
    List<String> parameters = text.isBlank() ? List.of() : List.of(text.strip().split("[ \t]+"));
    for (String p : parameters) {
      if (p.contains(InstallerRule.UPDATE) && !p.equals(InstallerRule.UPDATE)
          && !InstallerRule.SWITCH_WITH_UPDATE.matcher(p).matches()) {
        throw fail(template, "parameter \"" + p + "\" joins " + InstallerRule.UPDATE + " to other text; allowed: "
            + InstallerRule.UPDATE + " alone, or right after a switch such as /PackagePath:" + InstallerRule.UPDATE);
      }
    }
    return parameters;
  }

  private Map<Long, ExitClass> exitCodes(XmlElement conditions) {
    noAttributes(conditions);
    noText(conditions);
    Map<ExitClass, XmlElement> seen = new EnumMap<>(ExitClass.class);
    Map<Long, ExitClass> codes = new HashMap<>();
    for (XmlElement list : conditions.children()) {
      ExitClass exitClass = ExitClass.byElement(list.name()).orElseThrow(() -> unknown(list, conditions,
          "Success, Success_RebootRequired, Fail_RebootRequired, AlreadyInstalled, NotApplicable"));
      if (seen.put(exitClass, list) != null) {
        throw fail(list, "<" + list.name() + "> is given twice; allowed: once");
      }
      noAttributes(list);
      noText(list);
      if (list.children().isEmpty()) {
        throw fail(list, "no <ExitCode> is listed; allowed: one or more <ExitCode code=\"...\"/>");
      }
      for (XmlElement exitCode : list.children()) {
        if (!exitCode.name().equals("ExitCode")) {
          throw unknown(exitCode, list, "ExitCode");
        }
        allowAttributes(exitCode, Set.of("code"));
        noChildren(exitCode);
        noText(exitCode);
        long code = code(exitCode, required(exitCode, "code"));
        ExitClass earlier = codes.put(code, exitClass);
        if (earlier != null) {
          throw fail(exitCode, "exit code " + ExitOutcome.describe(code) + " is listed in <" + earlier.element()
              + "> and in <" + exitClass.element() + ">; allowed: one class per code");
        }
      }
    }
    if (!seen.containsKey(ExitClass.SUCCESS)) {
      throw fail(conditions, "<Success> is missing; allowed: <Success> is required, the other classes are optional");
    }
    return codes;
  }

  /** An exit code: decimal (signed or unsigned 32-bit) or {@code 0x} and up to eight hex digits. */
  private long code(XmlElement element, String text) {
    String t = text.strip();
    try {
      long value;
      if (t.startsWith("0x") || t.startsWith("0X")) {
        if (t.length() < 3 || t.length() > 10) {
          throw new NumberFormatException();
        }
        value = Long.parseLong(t.substring(2), 16);
      } else {
        if (t.length() > 11 || !t.matches("-?[0-9]+")) {
          throw new NumberFormatException();
        }
        value = Long.parseLong(t);
        if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
          throw new NumberFormatException();
        }
      }
      return value & 0xFFFF_FFFFL;
    } catch (NumberFormatException e) {
      throw fail(element, "attribute \"code\" is \"" + text + "\"; allowed: a 32-bit exit code, in decimal"
          + " (-2147483648 to 4294967295) or as 0x and 1 to 8 hexadecimal digits");
    }
  }

  private static boolean absolute(String path) {
    boolean drive = path.length() >= 3 && path.charAt(0) < 0x80 && Character.isLetter(path.charAt(0))
        && path.charAt(1) == ':' && path.charAt(2) == '\\';
    return (drive || path.startsWith("\\\\")) && path.indexOf('%') < 0 && !path.contains("\\..\\");
  }

  private boolean bool(XmlElement element, String attribute) {
    String value = element.attributes().get(attribute);
    if (value == null) {
      return false;
    }
    return switch (value.strip()) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw fail(element, "attribute \"" + attribute + "\" is \"" + value
          + "\"; allowed: true, false, 1 or 0");
    };
  }

  private String required(XmlElement element, String attribute) {
    String value = element.attributes().get(attribute);
    if (value == null || value.isBlank()) {
      throw fail(element, "attribute \"" + attribute + "\" is " + (value == null ? "missing" : "blank")
          + "; allowed: a value is required");
    }
    return value;
  }

  private void allowAttributes(XmlElement element, Set<String> allowed) {
    for (String attribute : element.attributes().keySet()) {
      if (!allowed.contains(attribute)) {
        throw fail(element, "attribute \"" + attribute + "\" is not allowed; allowed: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private void noAttributes(XmlElement element) {
    if (!element.attributes().isEmpty()) {
      throw fail(element, "attribute \"" + element.attributes().keySet().iterator().next()
          + "\" is not allowed; allowed: no attributes");
    }
  }

  private void noChildren(XmlElement element) {
    if (!element.children().isEmpty()) {
      XmlElement child = element.children().get(0);
      throw fail(child, "<" + child.name() + "> is not allowed inside <" + element.name() + ">; allowed: no elements");
    }
  }

  private void noText(XmlElement element) {
    if (!element.text().isBlank()) {
      throw fail(element, "text \"" + abbreviate(element.text().strip()) + "\" is not allowed; allowed: elements only");
    }
  }

  private boolean once(XmlElement element, boolean seenBefore) {
    if (seenBefore) {
      throw fail(element, "<" + element.name() + "> is given twice; allowed: once");
    }
    return true;
  }

  private HotfixConfigException unknown(XmlElement element, XmlElement parent, String allowed) {
    return fail(element, "<" + element.name() + "> is not allowed inside <" + parent.name() + ">; allowed: " + allowed);
  }

  private HotfixConfigException fail(XmlElement element, String problem) {
    return new HotfixConfigException(file, element.line(), element.name(), problem);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}

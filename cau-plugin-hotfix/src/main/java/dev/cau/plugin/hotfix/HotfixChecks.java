package dev.cau.plugin.hotfix;

import dev.cau.api.CauException;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.AccessEntry;
import dev.cau.api.capability.AccessRight;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ShareSecurity;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.readiness.ReadinessContext;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import dev.cau.api.readiness.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The checks the hotfix plug-in makes before anything runs, as error-severity readiness rules:
 * a failed one refuses the run before any node is touched. Each reads through every member
 * node's {@link NodeFiles}, as each node reads the root folder itself.
 *
 * <ul>
 *   <li>{@value #CONFIGURATION}: the root folder exists, and its configuration (and manifest, if
 *       any) is valid;
 *   <li>{@value #ACCESS}: no one but administrators, SYSTEM, CREATOR OWNER and TrustedInstaller may
 *       change the root folder or anything in it down to the third level (a rule's folder in a
 *       node's folder, and the files in it), unless {@code DisableAclChecks}; a DFS path is
 *       refused unless {@code DisableAclChecks}, as CAU refuses it, because the access lists of
 *       its targets cannot be checked;
 *   <li>{@value #INTEGRITY}: the share requires SMB signing or encryption, encryption when
 *       {@code RequireSmbEncryption}; a local root folder is not on a share.
 * </ul>
 */
final class HotfixChecks {
  /** The rule that the configuration is valid. */
  static final String CONFIGURATION = HotfixPluginProvider.NAME + ".configuration";

  /** The rule about who may change the root folder. */
  static final String ACCESS = HotfixPluginProvider.NAME + ".access";

  /** The rule about SMB signing and encryption. */
  static final String INTEGRITY = HotfixPluginProvider.NAME + ".smbIntegrity";

  /** How deep below the root folder the access check looks: root, folder, rule folder, file. */
  static final int ACCESS_DEPTH = 3;

  /** The most paths the access check looks at on one node. */
  static final int MAX_CHECKED_PATHS = 20_000;

  /** The principals that may change the root folder, upper-cased: names and well-known SIDs. */
  static final Set<String> TRUSTED = Set.of(
      "ADMINISTRATORS", "BUILTIN\\ADMINISTRATORS", "S-1-5-32-544",
      "SYSTEM", "NT AUTHORITY\\SYSTEM", "S-1-5-18",
      "CREATOR OWNER", "S-1-3-0",
      "TRUSTEDINSTALLER", "NT SERVICE\\TRUSTEDINSTALLER",
      "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464");

  private static final int MAX_SHOWN = 10;

  private HotfixChecks() {}

  static List<ReadinessRule> rules(HotfixArguments arguments) {
    return List.of(
        ReadinessRule.of(CONFIGURATION, "The hotfix root folder must exist and hold a valid configuration file",
            Severity.ERROR, "Create the root folder named by HotfixRootFolderPath and put a valid "
                + arguments.configFileName() + " in it (see docs/hotfix-plugin.md).",
            context -> onEveryNode(context, (files, call) -> {
              HotfixShare.load(files, call, arguments);
              return List.of();
            })),
        ReadinessRule.of(ACCESS, "Only administrators, SYSTEM, CREATOR OWNER and TrustedInstaller may change the"
                + " hotfix root folder and its content", Severity.ERROR,
            "Remove write, delete and permission rights from every other principal on the root folder and"
                + " everything in it; for a DFS path, give DisableAclChecks=True and protect the targets yourself.",
            context -> arguments.disableAclChecks()
                ? RuleOutcome.notApplicable("DisableAclChecks is True: the access lists are not checked")
                : onEveryNode(context, (files, call) -> access(files, call, arguments))),
        ReadinessRule.of(INTEGRITY, arguments.requireSmbEncryption()
                ? "The hotfix share must require SMB encryption" : "The hotfix share must require SMB signing or"
                + " encryption", Severity.ERROR,
            "Require encryption on the share (Set-SmbShare -EncryptData $true) or signing on the file server.",
            context -> onEveryNode(context, (files, call) -> integrity(files, call, arguments))));
  }

  private static List<String> access(NodeFiles files, OperationContext call, HotfixArguments arguments) {
    Optional<ShareSecurity> share = files.shareSecurity(arguments.rootFolder(), call);
    if (share.isPresent() && share.get().distributed()) {
      return List.of("\"" + arguments.rootFolder() + "\" is a DFS namespace path, whose targets' access lists"
          + " cannot be checked; allowed only with DisableAclChecks=True");
    }
    List<String> problems = new ArrayList<>();
    int[] checked = {0};
    walk(files, call, arguments.rootFolder(), 0, problems, checked);
    return problems;
  }

  private static void walk(NodeFiles files, OperationContext call, String path, int depth, List<String> problems,
      int[] checked) {
    if (++checked[0] > MAX_CHECKED_PATHS) {
      throw new IllegalStateException("the root folder holds more than " + MAX_CHECKED_PATHS + " entries to check");
    }
    for (AccessEntry entry : files.accessEntries(path, call)) {
      if (entry.allowsChange() && !TRUSTED.contains(WindowsNames.upper(entry.principal().strip()))) {
        problems.add("\"" + path + "\": " + entry.principal() + " may change it ("
            + entry.rights().stream().filter(r -> r != AccessRight.READ && r != AccessRight.EXECUTE)
                .map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", ")) + ")");
      }
    }
    if (depth >= ACCESS_DEPTH) {
      return;
    }
    for (FileEntry e : files.list(path, call)) {
      if (e.kind() == FileKind.DIRECTORY) {
        walk(files, call, e.path(), depth + 1, problems, checked);
      } else if (e.kind() == FileKind.FILE) {
        walk(files, call, e.path(), ACCESS_DEPTH, problems, checked);
      }
    }
  }

  private static List<String> integrity(NodeFiles files, OperationContext call, HotfixArguments arguments) {
    Optional<ShareSecurity> share = files.shareSecurity(arguments.rootFolder(), call);
    if (share.isEmpty()) {
      return List.of();
    }
    ShareSecurity s = share.get();
    if (arguments.requireSmbEncryption() && !s.encryptionRequired()) {
      return List.of("the share of \"" + arguments.rootFolder() + "\" does not require encryption"
          + (s.signingRequired() ? " (it requires signing only)" : "") + ", and RequireSmbEncryption is True");
    }
    if (!s.encryptionRequired() && !s.signingRequired()) {
      return List.of("the share of \"" + arguments.rootFolder() + "\" requires neither signing nor encryption, so"
          + " what the nodes read could be changed on the way");
    }
    return List.of();
  }

  /** Runs a check on every member node that offers {@link NodeFiles}; each problem is prefixed with the node. */
  private static RuleOutcome onEveryNode(ReadinessContext context,
      BiFunction<NodeFiles, OperationContext, List<String>> check) {
    Set<String> problems = new LinkedHashSet<>();
    int checked = 0;
    for (NodeSnapshot node : context.snapshot().nodes()) {
      Optional<NodeFiles> files = node.state().isMember() ? context.capability(node.name(), NodeFiles.class)
          : Optional.empty();
      if (files.isEmpty()) {
        continue;
      }
      checked++;
      try {
        check.apply(files.get(), context.callContext(node.name()))
            .forEach(p -> problems.add("on node \"" + node.name() + "\": " + p));
      } catch (CauException | IllegalStateException e) {
        problems.add("on node \"" + node.name() + "\": " + e.getMessage());
      }
    }
    if (checked == 0) {
      return RuleOutcome.notChecked("no member node offers the NodeFiles capability to read the root folder");
    }
    if (problems.isEmpty()) {
      return RuleOutcome.passed();
    }
    List<String> shown = problems.stream().limit(MAX_SHOWN).toList();
    return RuleOutcome.failed(String.join("; ", shown)
        + (problems.size() > MAX_SHOWN ? "; and " + (problems.size() - MAX_SHOWN) + " more" : ""));
  }
}

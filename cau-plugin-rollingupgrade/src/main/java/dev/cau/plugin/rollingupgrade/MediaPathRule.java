package dev.cau.plugin.rollingupgrade;

import dev.cau.api.CauException;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.readiness.ReadinessContext;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.api.readiness.RuleOutcome;
import dev.cau.api.readiness.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The readiness rule that the media (or the mock-setup script) exist at the same path on every
 * node, read through each node's {@link NodeFiles}: checked before every run, so that a node that
 * lacks them refuses the run before any node is touched.
 */
final class MediaPathRule {
  /** The rule's identifier. */
  static final String ID = "RollingUpgradePlugin.MediaOnEveryNode";

  private MediaPathRule() {}

  static ReadinessRule of(UpgradeArguments arguments) {
    String path = java.util.Objects.requireNonNull(arguments.setupMedia(), "setupMedia");
    boolean mock = arguments.mockSetup();
    String what = mock ? "the mock-setup script" : "the extracted setup media (a folder with setup.exe)";
    return ReadinessRule.of(ID, "Every node has " + what + " at \"" + path + "\"", Severity.ERROR,
        "Extract the setup media (not the ISO file) to the same path on every node, or give PathToSetupMedia a"
            + " share every node reads",
        context -> check(context, path, mock));
  }

  private static RuleOutcome check(ReadinessContext context, String path, boolean mock) {
    List<String> problems = new ArrayList<>();
    for (NodeSnapshot node : context.snapshot().nodes()) {
      Optional<NodeFiles> files = context.capability(node.name(), NodeFiles.class);
      if (files.isEmpty()) {
        problems.add("node \"" + node.name() + "\" offers no file access (NodeFiles) to check it");
        continue;
      }
      try {
        problem(files.get(), context, node.name(), path, mock).ifPresent(problems::add);
      } catch (CauException e) {
        problems.add("node \"" + node.name() + "\" could not be read: " + e.getMessage());
      }
    }
    if (problems.isEmpty()) {
      return RuleOutcome.passed("\"" + path + "\" is there on every node");
    }
    return RuleOutcome.failed(String.join("; ", problems));
  }

  private static Optional<String> problem(NodeFiles files, ReadinessContext context, String node, String path,
      boolean mock) {
    Optional<FileEntry> entry = files.stat(path, context.callContext(node));
    if (entry.isEmpty()) {
      return Optional.of("node \"" + node + "\" has nothing at \"" + path + "\"");
    }
    FileKind want = mock ? FileKind.FILE : FileKind.DIRECTORY;
    if (entry.get().kind() != want) {
      return Optional.of("node \"" + node + "\" has a " + entry.get().kind() + " at \"" + path + "\", not a " + want);
    }
    if (!mock) {
      String setup = path + "\\setup.exe";
      Optional<FileEntry> exe = files.stat(setup, context.callContext(node));
      if (exe.isEmpty() || exe.get().kind() != FileKind.FILE) {
        return Optional.of("node \"" + node + "\" has no setup.exe in \"" + path + "\": the folder must hold the"
            + " extracted ISO contents");
      }
    }
    return Optional.empty();
  }
}

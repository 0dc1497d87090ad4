package dev.cau.core;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.RunId;
import dev.cau.core.journal.RunHeader;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.policy.RolloutPolicy;
import dev.cau.core.profile.RunProfile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a run's journal header, and checks that a coordinator resumes a run with its options. */
final class RunHeaders {
  private RunHeaders() {}

  /** The header of a run with these options; the profile holds no secret plug-in argument. */
  static RunHeader of(RunId runId, String cluster, RunHeader.RunKind kind, RunOptions options, RolloutPolicy rollout,
      PluginRegistry plugins, Instant startedAt, List<String> scanReviewers) {
    StringWriter profile = new StringWriter();
    try {
      RunProfile.write(options, profile, plugins);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return new RunHeader(runId, cluster, kind, profile.toString(), options.nodeOrder(), options.quorumPolicy(),
        rollout.descriptor(), startedAt, scanReviewers);
  }

  /**
   * Refuses options that are not those the run started with, naming the profile lines that
   * differ. Secrets are in neither header, so they may differ.
   */
  static void checkSameOptions(RunHeader stored, RunHeader given) {
    List<String> storedLines = settings(stored);
    List<String> givenLines = settings(given);
    List<String> added = new ArrayList<>(givenLines);
    added.removeAll(storedLines);
    List<String> missing = new ArrayList<>(storedLines);
    missing.removeAll(givenLines);
    if (!added.isEmpty() || !missing.isEmpty()) {
      throw new InvalidOptionsException("options", String.join("; ", added),
          "the options run " + stored.runId() + " started with (" + String.join("; ", missing) + ")");
    }
    if (!stored.nodeOrder().equals(given.nodeOrder())) {
      throw new InvalidOptionsException("NodeOrder", String.join(",", given.nodeOrder()),
          "the node order run " + stored.runId() + " started with (" + String.join(",", stored.nodeOrder()) + ")");
    }
    if (!stored.rollout().equals(given.rollout())) {
      throw new InvalidOptionsException("RolloutPolicy", given.rollout().toString(),
          "the rollout policy run " + stored.runId() + " started with (" + stored.rollout() + ")");
    }
    if (stored.quorumPolicy() != given.quorumPolicy()) {
      throw new InvalidOptionsException("QuorumPolicy", given.quorumPolicy().name(),
          "the quorum policy run " + stored.runId() + " started with (" + stored.quorumPolicy().name() + ")");
    }
  }

  /** The profile's settings, without its comments (which name the secret arguments left out). */
  private static List<String> settings(RunHeader header) {
    return profileOf(header).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
  }

  /**
   * The run's options as its header's profile gives them. A profile journaled before
   * {@code SecondOrderStaging} existed belongs to a run that staged second-order updates while the
   * node was still drained, so it reads as {@code WhileDrained}, not as today's default.
   */
  static String profileOf(RunHeader header) {
    String profile = header.profile();
    boolean given = profile.lines().anyMatch(l -> l.strip().toLowerCase(Locale.ROOT).startsWith("secondorderstaging"));
    return given ? profile : profile + (profile.isEmpty() || profile.endsWith("\n") ? "" : "\n")
        + "SecondOrderStaging = WhileDrained\n";
  }
}

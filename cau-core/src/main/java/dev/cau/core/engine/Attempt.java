package dev.cau.core.engine;

import dev.cau.api.plugin.Update;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt on a node has learned and done so far; a retry starts from a new one. Owned by
 * its {@link NodeWorkflow}, which decides the next step from it.
 */
final class Attempt {
  /** Updates each plug-in offers, in plug-in order. */
  final Map<String, List<Update>> pending = new LinkedHashMap<>();
  /** Plug-ins that restart the node themselves when they install. */
  final Set<String> restartingPlugins = new HashSet<>();
  /** Plug-ins whose staging does nothing (they keep the SPI's default), as their scans said. */
  final Set<String> stagingNothing = new HashSet<>();
  /** Plug-ins whose pending updates are still to install in this pass, in plug-in order. */
  final Deque<String> installQueue = new ArrayDeque<>();
  /** Plug-ins still to call in a scan or a staging, when they run one after another. */
  final Deque<String> callQueue = new ArrayDeque<>();
  int callsOutstanding;
  /** Steps done once per attempt: the firewall check, staging, the pre- and post-update scripts. */
  final Set<NodePhase> completed = EnumSet.noneOf(NodePhase.class);
  int passes;
  /** The quorum guard judged the node before the first step of this attempt that changes it. */
  boolean judgedBeforeChanges;
  /** The quorum guard allowed the node to go out of service in this attempt. */
  boolean quorumCleared;
  /** The coming restart (by the engine or a plug-in) was cleared; asked again before each one. */
  boolean restartCleared;
  /** The node was taken out of service in this attempt. */
  boolean cycled;
  boolean rebootNeeded;
  /** SeparateReboots: a plug-in's update needs a restart before the next plug-in installs. */
  boolean restartBeforeNextPlugin;
  boolean rescanNeeded;
  /** The plug-in whose install restarts the node, while the engine waits for it to come back. */
  @Nullable String restartingPlugin;
  /** An install of a self-restarting plug-in whose answer a crashed coordinator lost: repeated once the node is ready. */
  Operation.@Nullable InstallUpdates interruptedInstall;
  final Set<String> failedUpdates = new HashSet<>();
  /** Failures of single plug-ins; the others go on unless StopOnPluginFailure is set. */
  final Map<String, String> pluginFailures = new LinkedHashMap<>();
  int suspendRefusals;
  @Nullable Instant degradedSince;
  /** Since when the node, back in service for a further pass, waits for storage to repair before it is drained again. */
  @Nullable Instant storageWaitSince;
  /** Why the attempt failed: the node is brought to a safe state, then retried or given up. */
  @Nullable String failure;

  List<Update> allPending() {
    List<Update> all = new ArrayList<>();
    pending.values().forEach(all::addAll);
    return all;
  }

  boolean hasPending() {
    for (List<Update> updates : pending.values()) {
      if (!updates.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  List<String> pluginsWithUpdates() {
    List<String> plugins = new ArrayList<>(pending.size());
    pending.forEach((plugin, updates) -> {
      if (!updates.isEmpty()) {
        plugins.add(plugin);
      }
    });
    return plugins;
  }

  /** Queues, in plug-in order, each plug-in that has updates pending. */
  void queuePluginsWithUpdates() {
    installQueue.clear();
    installQueue.addAll(pluginsWithUpdates());
  }

  /** Whether a plug-in with updates pending has something to stage (download). */
  boolean hasSomethingToStage() {
    for (Map.Entry<String, List<Update>> entry : pending.entrySet()) {
      if (!entry.getValue().isEmpty() && !stagingNothing.contains(entry.getKey())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the next install restarts the node: a plug-in that restarts it by itself is next. */
  boolean nextInstallRestarts() {
    String next = installQueue.peek();
    return next != null && restartingPlugins.contains(next);
  }
}

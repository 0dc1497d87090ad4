package dev.cau.plugin.windowsupdate;

import dev.cau.api.OperationCanceledException;
import dev.cau.api.PluginFailureException;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.RestartBehavior;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdateResultCode;
import dev.cau.api.readiness.ReadinessRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Microsoft.WindowsUpdatePlugin} for one run: scans with the run's criteria, downloads in
 * {@link #stage} (before the node is drained), and installs in batches, through the node-side
 * script the node's {@link ProgramRunner} runs as SYSTEM. It keeps no state between calls, so
 * it is thread-safe.
 */
final class WindowsUpdatePlugin implements UpdatePlugin {
  private final SearchCriteria criteria;
  private final boolean includeRecommended;

  WindowsUpdatePlugin(SearchCriteria criteria, boolean includeRecommended) {
    this.criteria = Objects.requireNonNull(criteria, "criteria");
    this.includeRecommended = includeRecommended;
  }

  @Override
  public List<Class<?>> requiredCapabilities() {
    return List.of(ProgramRunner.class);
  }

  @Override
  public List<ReadinessRule> readinessRules() {
    return ReadinessRules.all();
  }

  @Override
  public List<Update> scan(PluginContext context) {
    ScriptOutput.Scan found = (ScriptOutput.Scan) AgentScript.call(context.require(ProgramRunner.class), context,
        ScriptProtocol.Operation.SCAN, criteria.text(), List.of());
    if (found.rebootPending()) {
      context.log().warn("A restart is pending on node \"" + context.nodeName() + "\": Windows reports that an earlier"
          + " installation needs a restart to finish");
    }
    UpdateSelection.Choice choice = UpdateSelection.choose(found.updates(), includeRecommended);
    for (UpdateSelection.Skipped skipped : choice.skipped()) {
      if (skipped.logged()) {
        context.log().warn("Skipped \"" + skipped.update().title() + "\" (" + skipped.update().updateId() + "): "
            + skipped.reason());
      }
    }
    return choice.offered().stream().map(WindowsUpdatePlugin::toUpdate).toList();
  }

  @Override
  public void stage(PluginContext context, List<Update> updates) {
    if (updates.isEmpty()) {
      return;
    }
    context.cancellation().throwIfCancellationRequested();
    ScriptOutput.Operation downloaded = (ScriptOutput.Operation) AgentScript.call(
        context.require(ProgramRunner.class), context, ScriptProtocol.Operation.DOWNLOAD, criteria.text(),
        updates.stream().map(WindowsUpdatePlugin::guidOf).toList());
    Map<String, AgentResult> byId = byId(context, downloaded, updates, "download");
    for (Update update : updates) {
      AgentResult result = byId.get(guidOf(update));
      if (result != null && result.resultCode() == ResultMapping.SUCCEEDED) {
        context.log().info("Downloaded \"" + update.title() + "\"");
      } else if (result != null) {
        context.log().warn("Download of \"" + update.title() + "\" " + ResultMapping.name(result.resultCode()) + ": "
            + Hresults.describe(result.hresult()));
      }
    }
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    ProgramRunner runner = context.require(ProgramRunner.class);
    List<InstallResult> results = new ArrayList<>();
    List<List<Update>> batches = InstallBatches.of(updates);
    for (int i = 0; i < batches.size(); i++) {
      List<Update> batch = batches.get(i);
      if (context.cancellation().isCancellationRequested()) {
        canceled(context, batches.subList(i, batches.size()), results);
        return results;
      }
      ScriptOutput.Operation installed;
      try {
        installed = (ScriptOutput.Operation) AgentScript.call(runner, context, ScriptProtocol.Operation.INSTALL,
            criteria.text(), batch.stream().map(WindowsUpdatePlugin::guidOf).toList());
      } catch (OperationCanceledException e) {
        canceled(context, batches.subList(i, batches.size()), results);
        return results;
      }
      Map<String, AgentResult> byId = byId(context, installed, batch, "install");
      for (Update update : batch) {
        InstallResult result = ResultMapping.toInstallResult(update, Objects.requireNonNull(byId.get(guidOf(update))),
            context.clock().instant());
        if (result.code() == UpdateResultCode.FAILED) {
          context.log().warn("Installing \"" + update.title() + "\" failed: " + Hresults.describe(result.errorCode()));
        }
        results.add(result);
      }
    }
    return results;
  }

  private static void canceled(PluginContext context, List<List<Update>> left, List<InstallResult> results) {
    for (List<Update> batch : left) {
      for (Update update : batch) {
        results.add(new InstallResult(update, UpdateResultCode.CANCELED, Hresults.WU_E_CALL_CANCELLED, false,
            context.clock().instant()));
      }
    }
  }

  private static Map<String, AgentResult> byId(PluginContext context, ScriptOutput.Operation answer,
      List<Update> asked, String operation) {
    Map<String, AgentResult> byId = new LinkedHashMap<>();
    answer.results().forEach(r -> byId.put(r.updateId(), r));
    for (Update update : asked) {
      if (!byId.containsKey(guidOf(update))) {
        throw new PluginFailureException(ScriptProtocol.MALFORMED_OUTPUT, "The Windows Update script on node \""
            + context.nodeName() + "\" answered " + operation + " without a result for \"" + update.title() + "\" ("
            + guidOf(update) + "): field \"results\" must hold one result per update asked for");
      }
    }
    return byId;
  }

  static Update toUpdate(AgentUpdate found) {
    UpdateFacts facts = UpdateFacts.NONE
        .withKbArticles(found.kbArticleIds().stream().map(kb -> "KB" + kb).toList())
        .withGuid(found.updateId())
        .withSizeBytes(found.maxDownloadSize())
        .withRestart(switch (found.rebootBehavior()) {
          case 0 -> RestartBehavior.NEVER;
          case 1 -> RestartBehavior.ALWAYS;
          default -> RestartBehavior.MAY;
        })
        .withInstallAlone(found.impact() == AgentUpdate.IMPACT_EXCLUSIVE);
    String classification = found.classification();
    if (classification != null && !classification.isBlank()) {
      facts = facts.withClassification(classification);
    }
    String description = (found.important() ? "Important" : "Recommended")
        + (classification == null || classification.isBlank() ? "" : " " + classification)
        + (found.kbArticleIds().isEmpty() ? "" : ", KB" + String.join(", KB", found.kbArticleIds()));
    return new Update(found.updateId(), found.title(), description, facts);
  }

  private static String guidOf(Update update) {
    String guid = update.facts().guid();
    return guid == null ? update.id() : guid;
  }
}

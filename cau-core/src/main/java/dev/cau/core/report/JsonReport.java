package dev.cau.core.report;

import dev.cau.api.cluster.RebootMode;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.core.featureupdate.MixedOsStatus;
import dev.cau.core.featureupdate.MixedOsTracker;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes runs as a JSON array with every field, node results and install results nested, and
 * instants as ISO-8601 in UTC (such as {@code 2026-03-01T09:15:00Z}).
 */
final class JsonReport {
  private JsonReport() {}

  static void write(List<RunResult> runs, Appendable out) throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.beginArray();
    for (RunResult run : runs) {
      run(json, run);
    }
    json.endArray();
    json.finish();
  }

  private static void run(JsonWriter json, RunResult run) throws IOException {
    json.beginObject();
    json.name("runId").value(run.runId().toString());
    json.name("cluster").value(run.cluster());
    json.name("status").value(ReportText.status(run.status()));
    json.name("startedAt").value(run.startedAt().toString());
    json.name("finishedAt").value(run.finishedAt().toString());
    json.name("duration").value(run.duration().toString());
    json.name("reason").value(run.reason());
    json.name("coordinators").beginArray();
    for (String coordinator : run.coordinators()) {
      json.value(coordinator);
    }
    json.endArray();
    mixedOs(json, MixedOsTracker.of(run));
    json.name("nodeResults").beginArray();
    for (NodeResult node : run.nodeResults()) {
      node(json, node);
    }
    json.endArray();
    json.endObject();
  }

  /** Only for a run that moved nodes to a new OS version: other reports keep their shape. */
  private static void mixedOs(JsonWriter json, MixedOsStatus status) throws IOException {
    if (status.upgraded().isEmpty() && status.notUpgraded().isEmpty()) {
      return;
    }
    json.name("mixedOs").beginObject();
    json.name("mixed").value(status.mixed());
    Instant since = status.since();
    json.name("since").value(since == null ? null : since.toString());
    json.name("target").value(status.target());
    json.name("upgraded").beginArray();
    for (String node : status.upgraded()) {
      json.value(node);
    }
    json.endArray();
    json.name("notUpgraded").beginArray();
    for (String node : status.notUpgraded()) {
      json.value(node);
    }
    json.endArray();
    json.name("description").value(status.describe());
    json.endObject();
  }

  private static void node(JsonWriter json, NodeResult node) throws IOException {
    json.beginObject();
    json.name("node").value(node.node());
    json.name("status").value(ReportText.status(node.status()));
    json.name("succeededUpdates").value(node.succeededUpdates());
    json.name("failedUpdates").value(node.failedUpdates());
    json.name("attempts").value(node.attempts());
    json.name("restarts").value(node.restarts());
    RebootMode bootType = node.bootType();
    json.name("bootType").value(bootType == null ? null : ReportText.pascalCase(bootType));
    json.name("restartPending").value(node.restartPending());
    json.name("reason").value(node.reason());
    json.name("installResults").beginArray();
    for (InstallResult result : node.installResults()) {
      install(json, result);
    }
    json.endArray();
    json.endObject();
  }

  private static void install(JsonWriter json, InstallResult result) throws IOException {
    json.beginObject();
    json.name("updateId").value(result.update().id());
    json.name("updateTitle").value(result.update().title());
    json.name("updateDescription").value(result.update().description());
    json.name("result").value(ReportText.pascalCase(result.code()));
    json.name("errorCode").value(result.errorCode());
    json.name("errorCodeHex").value(ReportText.hexErrorCode(result.errorCode()));
    json.name("rebootRequired").value(result.rebootRequired());
    json.name("timestamp").value(result.timestamp().toString());
    if (result.installedSha256() != null) {
      // Which content ran (the hotfix plug-in's file hash); absent when a plug-in does not know it.
      json.name("installedSha256").value(result.installedSha256());
    }
    json.endObject();
  }
}

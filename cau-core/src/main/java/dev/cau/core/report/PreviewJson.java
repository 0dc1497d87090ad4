package dev.cau.core.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.readiness.Finding;
import dev.cau.core.readiness.ReadinessReport;
import dev.cau.core.scan.NodeScan;
import dev.cau.core.scan.PluginScan;
import dev.cau.core.scan.ScanReport;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Writes what {@code cau scan --json}, {@code cau test-setup --json} and {@code cau plugins --json}
 * print: a scan preview, a readiness report and the registered plug-ins, as JSON objects whose
 * shape {@code docs/scan-and-readiness.md} documents. Instants are ISO-8601 in UTC; enumerations are
 * written as CAU names them ({@code Error}, {@code Failed}, {@code NotChecked}).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PreviewJson {
  private PreviewJson() {}

  /**
   * Writes a scan preview.
   *
   * @param report the preview
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void scan(ScanReport report, Appendable out) throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.beginObject();
    json.name("cluster").value(report.cluster());
    json.name("startedAt").value(report.startedAt().toString());
    json.name("finishedAt").value(report.finishedAt().toString());
    json.name("parallelism").value(report.parallelism());
    json.name("runHoldingLock").value(report.runInProgress() == null ? null : report.runInProgress().toString());
    json.name("nodes").beginArray();
    for (NodeScan node : report.nodes()) {
      json.beginObject();
      json.name("node").value(node.node());
      json.name("plugins").beginArray();
      for (PluginScan scan : node.plugins()) {
        json.beginObject();
        json.name("plugin").value(scan.plugin());
        json.name("error").value(scan.error());
        json.name("updates").beginArray();
        for (Update update : scan.updates()) {
          update(json, update);
        }
        json.endArray();
        json.endObject();
      }
      json.endArray();
      json.endObject();
    }
    json.endArray();
    json.endObject();
    json.finish();
  }

  /**
   * Writes a readiness report.
   *
   * @param report the report
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void readiness(ReadinessReport report, Appendable out) throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.beginObject();
    json.name("cluster").value(report.cluster());
    json.name("checkedAt").value(report.checkedAt().toString());
    json.name("ready").value(report.isReady());
    json.name("findings").beginArray();
    for (Finding finding : report.findings()) {
      json.beginObject();
      json.name("ruleId").value(finding.ruleId());
      json.name("source").value(finding.source());
      json.name("title").value(finding.title());
      json.name("severity").value(pascal(finding.severity().name()));
      json.name("state").value(pascal(finding.state().name()));
      json.name("detail").value(finding.detail());
      json.name("resolution").value(finding.resolution());
      json.endObject();
    }
    json.endArray();
    json.endObject();
    json.finish();
  }

  /**
   * Writes the registered plug-ins, as {@code Get-CauPlugin} lists them, with their arguments.
   *
   * @param plugins the providers, each with where it was loaded from
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void plugins(List<PluginEntry> plugins, Appendable out) throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.beginObject();
    json.name("plugins").beginArray();
    for (PluginEntry entry : plugins) {
      json.beginObject();
      json.name("name").value(entry.provider().name());
      json.name("module").value(entry.module());
      json.name("location").value(entry.location());
      json.name("arguments").beginArray();
      for (PluginArgument argument : entry.provider().arguments()) {
        json.beginObject();
        json.name("name").value(argument.name());
        json.name("type").value(pascal(argument.type().name()));
        json.name("required").value(argument.required());
        json.name("default").value(argument.defaultValue());
        json.name("secret").value(argument.secret());
        json.name("description").value(argument.description());
        json.endObject();
      }
      json.endArray();
      json.endObject();
    }
    json.endArray();
    json.endObject();
    json.finish();
  }

  /**
   * A registered plug-in and where it came from.
   *
   * @param provider the provider
   * @param module the name of its Java module, or {@code null} if it is on the class path
   * @param location the jar or directory it was loaded from, or {@code null} if unknown
   */
  @API(status = EXPERIMENTAL, since = "0.1.0")
  public record PluginEntry(UpdatePluginProvider provider, @org.jspecify.annotations.Nullable String module,
      @org.jspecify.annotations.Nullable String location) {
    /**
     * Describes a provider from its class.
     *
     * @param provider the provider
     * @return its entry
     */
    public static PluginEntry of(UpdatePluginProvider provider) {
      Class<?> type = provider.getClass();
      String module = type.getModule().isNamed() ? type.getModule().getName() : null;
      String location = null;
      var source = type.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        location = source.getLocation().toString();
      }
      return new PluginEntry(provider, module, location);
    }
  }

  private static void update(JsonWriter json, Update update) throws IOException {
    json.beginObject();
    json.name("id").value(update.id());
    json.name("title").value(update.title());
    json.name("description").value(update.description());
    UpdateFacts facts = update.facts();
    if (!facts.isEmpty()) {
      json.name("facts").beginObject();
      json.name("kbArticles").beginArray();
      for (String kb : facts.kbArticles()) {
        json.value(kb);
      }
      json.endArray();
      json.name("guid").value(facts.guid());
      json.name("classification").value(facts.classification());
      json.name("sizeBytes").value(facts.sizeBytes());
      json.name("restart").value(pascal(facts.restart().name()));
      json.name("installAlone").value(facts.installAlone());
      json.name("targetVersion").value(facts.targetVersion());
      json.name("targetBuild").value(facts.targetBuild());
      json.name("contentSha256").value(facts.contentSha256());
      json.endObject();
    }
    json.endObject();
  }

  /** {@code NOT_CHECKED} as {@code NotChecked}. */
  private static String pascal(String constant) {
    StringBuilder out = new StringBuilder();
    for (String word : constant.split("_")) {
      out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}

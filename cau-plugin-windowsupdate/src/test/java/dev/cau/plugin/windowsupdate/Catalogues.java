package dev.cau.plugin.windowsupdate;

import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.plugin.windowsupdate.simulated.CatalogueUpdate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The updates the plug-in's tests offer, one of each kind the issue names. */
final class Catalogues {
  static final CatalogueUpdate SERVICING_STACK = CatalogueUpdate.important("5034439",
      "2024-01 Servicing Stack Update (KB5034439)").exclusive().installTaking(Duration.ofMinutes(3));
  static final CatalogueUpdate CUMULATIVE = CatalogueUpdate.important("5034129",
      "2024-01 Cumulative Update (KB5034129)").restart(1).installTaking(Duration.ofMinutes(12))
      .downloadTaking(Duration.ofMinutes(8));
  static final CatalogueUpdate DEFENDER = CatalogueUpdate.important("2267602",
      "Security Intelligence Update for Microsoft Defender Antivirus (KB2267602)").classification("Definition Updates");
  static final CatalogueUpdate DOT_NET_PREVIEW = CatalogueUpdate.recommended("5034613",
      "2024-01 Cumulative Update Preview for .NET Framework (KB5034613)");
  static final CatalogueUpdate REMOVAL_TOOL = CatalogueUpdate.important("890830",
      "Windows Malicious Software Removal Tool x64 (KB890830)").needingLicence();
  static final CatalogueUpdate FAILING = CatalogueUpdate.important("5034440",
      "2024-01 Safe OS Dynamic Update (KB5034440)").failingWith(0x8024200B);
  static final CatalogueUpdate SECOND_ORDER = CatalogueUpdate.important("5034441",
      "2024-01 Dynamic Cumulative Update (KB5034441)").appearingAfter(CUMULATIVE);
  static final CatalogueUpdate HIDDEN = CatalogueUpdate.important("5033118",
      "2023-12 Cumulative Update (KB5033118)").hide();
  static final CatalogueUpdate DRIVER = CatalogueUpdate.important("5031000",
      "Contoso Ltd. - Storage - 4.2.0.0").driver();

  private Catalogues() {}

  static CatalogueUpdate[] all() {
    return new CatalogueUpdate[] {SERVICING_STACK, CUMULATIVE, DEFENDER, DOT_NET_PREVIEW, REMOVAL_TOOL, FAILING,
        SECOND_ORDER, HIDDEN, DRIVER};
  }

  static UpdatePlugin plugin(String... arguments) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(WindowsUpdatePluginProvider.INCLUDE_RECOMMENDED_UPDATES, "False");
    values.put(WindowsUpdatePluginProvider.QUERY_STRING, SearchCriteria.DEFAULT);
    for (int i = 0; i < arguments.length; i += 2) {
      values.put(arguments[i], arguments[i + 1]);
    }
    return new WindowsUpdatePluginProvider().create(PluginArguments.of(values));
  }
}

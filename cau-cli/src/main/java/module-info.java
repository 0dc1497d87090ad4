/**
 * The {@code cau} command: updating runs from a terminal, on a simulated cluster by default.
 *
 * <p>Exports nothing; picocli reaches the command classes by reflection.
 */
module dev.cau.cli {
  requires dev.cau.api;
  requires dev.cau.core;
  requires dev.cau.testkit;
  // The default plug-in runs on the demo cluster, against the simulated agent it ships.
  requires dev.cau.plugin.windowsupdate;
  // Not used by name: read so that 'cau plugins' finds the hotfix plug-in's provider on the module path.
  requires dev.cau.plugin.hotfix;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires static org.jspecify;

  opens dev.cau.cli to info.picocli;
}

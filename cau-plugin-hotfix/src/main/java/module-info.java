/**
 * {@code Microsoft.HotfixPlugin}: installs hotfixes, drivers, firmware and BIOS updates that an
 * administrator places in a root folder on a file share, after checking who may change that
 * folder and that the share protects what the nodes read.
 *
 * <p>The plug-in reaches nodes only through the standard capabilities of {@code dev.cau.api}
 * ({@link dev.cau.api.capability.NodeFiles} and {@link dev.cau.api.capability.ProgramRunner}).
 * It reads its configuration file with its own small XML reader, which knows no DTD and no
 * entity, so that nothing a file says can make it fetch or expand anything.
 */
module dev.cau.plugin.hotfix {
  requires transitive dev.cau.api;
  requires static transitive org.jspecify;

  exports dev.cau.plugin.hotfix;

  provides dev.cau.api.plugin.UpdatePluginProvider with
      dev.cau.plugin.hotfix.HotfixPluginProvider;
}

/**
 * {@code Debian.AptPlugin}: upgrades Debian packages with {@code apt-get} on each node through the
 * standard {@link dev.cau.api.capability.ProgramRunner} capability, every value passed as one
 * argument and every package name after {@code --}.
 */
module dev.cau.plugin.apt {
  requires transitive dev.cau.api;
  requires static transitive org.jspecify;

  exports dev.cau.plugin.apt;

  provides dev.cau.api.plugin.UpdatePluginProvider with
      dev.cau.plugin.apt.AptPluginProvider;
}

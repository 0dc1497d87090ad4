/**
 * {@code Debian.AptPlugin}: lists upgradable Debian packages from {@code apt-get}'s simulation,
 * downloads them before the node is drained, upgrades them non-interactively, reports one result
 * per package, and tells a restart from Debian's {@code /run/reboot-required} convention.
 *
 * <p>The plug-in reaches a node only through {@link dev.cau.api.capability.ProgramRunner}, with
 * fixed programs and argument lists; package names from a run's arguments are checked against
 * Debian's package-name syntax when the plug-in is created, before any node is touched, and
 * always follow {@code --}. {@link dev.cau.plugin.apt.AptPluginProvider} is what
 * {@link java.util.ServiceLoader} finds.
 */
@NullMarked
package dev.cau.plugin.apt;

import org.jspecify.annotations.NullMarked;

/**
 * The rolling-upgrade plug-in,
 * {@value dev.cau.plugin.rollingupgrade.RollingUpgradePluginProvider#NAME}: it offers each node the
 * feature update that moves it to a new operating-system version, refuses a run whose nodes are
 * offered different ones, checks each node with setup's compatibility scan, upgrades it (setup
 * restarts the node by itself) and verifies the new build. No Windows machine runs here: the
 * node-side script is tested against the documented outputs through a simulated setup.
 */
@NullMarked
package dev.cau.plugin.rollingupgrade;

import org.jspecify.annotations.NullMarked;

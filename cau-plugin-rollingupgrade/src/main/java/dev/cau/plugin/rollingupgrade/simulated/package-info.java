/**
 * A simulated node for the rolling-upgrade plug-in: its operating-system version and build,
 * setup media, setup's documented exit codes and its own restarts, behind the standard program
 * runner capability.
 */
@NullMarked
package dev.cau.plugin.rollingupgrade.simulated;

import org.jspecify.annotations.NullMarked;

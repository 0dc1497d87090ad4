/**
 * A simulated Windows Update Agent behind the standard
 * {@link dev.cau.api.capability.ProgramRunner} capability, answering the plug-in's script with
 * the JSON the real script writes, for tests and demonstrations where no Windows machine runs.
 */
@NullMarked
package dev.cau.plugin.windowsupdate.simulated;

import org.jspecify.annotations.NullMarked;

/**
 * {@code Microsoft.WindowsUpdatePlugin}: finds, downloads and installs Windows updates on each
 * node through the Windows Update Agent, as Cluster-Aware Updating's default plug-in does.
 *
 * <p>The plug-in reaches a node only through the standard
 * {@link dev.cau.api.capability.ProgramRunner} capability: it runs one fixed PowerShell script as
 * SYSTEM, passes its parameters as a JSON document (never as script text), and reads the one
 * JSON document the script writes with a bounded streaming parser.
 * {@link dev.cau.plugin.windowsupdate.WindowsUpdatePluginProvider} is what
 * {@link java.util.ServiceLoader} finds; {@link dev.cau.plugin.windowsupdate.SearchCriteria}
 * checks a {@code QueryString} before any node is touched.
 */
@NullMarked
package dev.cau.plugin.windowsupdate;

import org.jspecify.annotations.NullMarked;

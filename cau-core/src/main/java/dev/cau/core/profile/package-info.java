/**
 * Updating Run Profiles: saved run options that can be shared across clusters of a class. A
 * profile is read from and written to a readable {@code Key = Value} text file with CAU's
 * parameter names, or imported from the PowerShell CLIXML file CAU itself uses
 * ({@code Import-Clixml} of a hashtable), through {@link dev.cau.core.profile.RunProfile}. As in
 * CAU, a profile never holds credentials, the self-updating schedule, {@code ClusterName} or
 * {@code NodeOrder}, and cau4j never writes the value of a secret plug-in argument to one.
 */
@NullMarked
package dev.cau.core.profile;

import org.jspecify.annotations.NullMarked;

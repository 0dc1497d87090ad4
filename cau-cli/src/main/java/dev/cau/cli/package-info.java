/**
 * The {@code cau} command line: picocli commands named after CAU's cmdlets ({@code cau run} for
 * {@code Invoke-CauRun}) that build {@link dev.cau.core.options.RunOptions} from CAU's option
 * names, run the engine on a built-in simulated cluster in virtual time, print each node's
 * progress as it happens and end with a report shaped like {@code Get-CauRun}'s node results.
 * Exit codes: 0 when the run succeeded, 1 when it did not, 2 for bad usage or invalid options.
 */
@NullMarked
package dev.cau.cli;

import org.jspecify.annotations.NullMarked;

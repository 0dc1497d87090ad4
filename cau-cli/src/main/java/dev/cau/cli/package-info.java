/**
 * The {@code cau} command line: picocli commands named after CAU's cmdlets ({@code cau run} for
 * {@code Invoke-CauRun}, {@code cau status} for {@code Get-CauRun}, {@code cau report} for
 * {@code Get-CauReport}, {@code cau export} for {@code Export-CauReport}). {@code cau run} builds
 * {@link dev.cau.core.options.RunOptions} from CAU's option names, runs the engine on a built-in
 * simulated cluster in virtual time, prints each node's progress as it happens and ends with a
 * report shaped like {@code Get-CauRun}'s node results; with a run store it keeps the run's journal
 * and report for the other commands to read. Exit codes: 0 for success, 1 when a run did not
 * succeed, 2 for bad usage or invalid input, in which case nothing was touched.
 */
@NullMarked
package dev.cau.cli;

import org.jspecify.annotations.NullMarked;

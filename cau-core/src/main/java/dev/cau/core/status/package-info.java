/**
 * The status of a cluster's updating run as any coordinator can read it from the run store, like
 * CAU's {@code Get-CauRun}: whether a run is in progress, which coordinator carries it, what each
 * node is doing and how the finished nodes ended.
 */
@NullMarked
package dev.cau.core.status;

import org.jspecify.annotations.NullMarked;

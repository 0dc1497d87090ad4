/**
 * The feature-update flow, the Windows Admin Center feature-update wizard as a library call:
 * readiness, a scan whose nodes must all be offered the same feature update, the rolling run,
 * a check for further updates, and the post-upgrade steps (the irreversible functional-level
 * raise, only when asked for and confirmed; the storage pool upgrade; validation). Each step
 * returns a {@link dev.cau.core.featureupdate.FlowStep} the caller can show, stop at, or continue
 * from. It knows plug-ins and cluster-wide actions only through the SPI: a feature update is an
 * update whose facts name a target version and build.
 */
@NullMarked
package dev.cau.core.featureupdate;

import org.jspecify.annotations.NullMarked;

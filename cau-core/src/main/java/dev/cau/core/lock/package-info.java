/**
 * The single-coordinator lock: taking, renewing, expiring, fencing and clearing the lease that
 * keeps two coordinators from acting on one cluster, over the cluster's
 * {@link dev.cau.api.cluster.RunLock}.
 */
@NullMarked
package dev.cau.core.lock;

import org.jspecify.annotations.NullMarked;

/**
 * An in-memory failover cluster: nodes with votes and fault domains, a witness, roles that move
 * when their node is drained and return on failback, and a per-node catalogue of updates.
 *
 * <p>Each {@link dev.cau.testkit.cluster.SimulatedNode} offers capabilities to plug-ins: its
 * catalogue, its {@link dev.cau.testkit.cluster.SimulatedFiles} and
 * {@link dev.cau.testkit.cluster.SimulatedPrograms}, and any capability a test
 * {@linkplain dev.cau.testkit.cluster.SimulatedNode#offer offers}. The cluster also models
 * pending restarts and the cluster-wide post-upgrade actions.
 */
@NullMarked
package dev.cau.testkit.cluster;

import org.jspecify.annotations.NullMarked;

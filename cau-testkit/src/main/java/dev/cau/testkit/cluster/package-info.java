/**
 * An in-memory failover cluster: nodes with votes and fault domains, a witness, roles that move
 * when their node is drained and return on failback, and a per-node catalogue of updates.
 */
@NullMarked
package dev.cau.testkit.cluster;

import org.jspecify.annotations.NullMarked;

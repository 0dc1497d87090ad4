/**
 * The cluster as the engine sees it: {@link dev.cau.api.cluster.ClusterController} for the whole
 * cluster, {@link dev.cau.api.cluster.NodeController} for one node, and the immutable
 * {@link dev.cau.api.cluster.ClusterSnapshot} with its nodes, votes, witness, fault domains,
 * roles and storage health.
 */
@NullMarked
package dev.cau.api.cluster;

import org.jspecify.annotations.NullMarked;

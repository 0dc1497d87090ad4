/**
 * The entry point of the engine: {@link dev.cau.core.UpdateCoordinator} starts updating runs
 * against a {@link dev.cau.api.cluster.ClusterController}, with time and threads injected through
 * {@link dev.cau.core.Execution}.
 */
@NullMarked
package dev.cau.core;

import org.jspecify.annotations.NullMarked;

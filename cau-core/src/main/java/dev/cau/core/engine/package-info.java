/**
 * The updating run's pure state machine and the driver that carries out its commands: one
 * {@link dev.cau.core.engine.RunStateMachine} for rolling runs and offline updates alike, a
 * {@link dev.cau.core.engine.NodeWorkflow} per node whose phases move only as
 * {@link dev.cau.core.engine.NodePhase}'s closed table allows, {@link dev.cau.core.engine.RunShape}
 * for what an offline update does differently, and the {@link dev.cau.core.engine.RunDriver}. Not
 * exported: embedders use {@link dev.cau.core.UpdateCoordinator}.
 */
@NullMarked
package dev.cau.core.engine;

import org.jspecify.annotations.NullMarked;

/**
 * The updating run's pure state machine and the driver that carries out its commands. Not
 * exported: embedders use {@link dev.cau.core.UpdateCoordinator}.
 */
@NullMarked
package dev.cau.core.engine;

import org.jspecify.annotations.NullMarked;

/**
 * Readiness checks, CAU's {@code Test-CauSetup}: {@link dev.cau.core.UpdateCoordinator#testSetup}
 * checks the engine's rules ({@link dev.cau.core.readiness.CauRules}, CAU's Best Practices
 * Analyzer rules) and each plug-in's, and returns a {@link dev.cau.core.readiness.ReadinessReport}.
 */
@NullMarked
package dev.cau.core.readiness;

import org.jspecify.annotations.NullMarked;

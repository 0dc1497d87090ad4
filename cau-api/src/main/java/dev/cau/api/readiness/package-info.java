/**
 * Readiness checks, CAU's {@code Test-CauSetup}: rules that look at a cluster before it is
 * updated, and the findings they produce.
 *
 * <p>The engine checks its own rules (the Best Practices Analyzer rules of CAU) and those each
 * plug-in contributes through {@link dev.cau.api.plugin.UpdatePlugin#readinessRules()}. A
 * plug-in's rule of {@link dev.cau.api.readiness.Severity#ERROR} severity also refuses a run
 * before any node is touched when it fails.
 */
@NullMarked
package dev.cau.api.readiness;

import org.jspecify.annotations.NullMarked;

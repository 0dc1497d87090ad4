/**
 * Generated scenarios for property tests of orchestration policy: a {@link
 * dev.cau.testkit.scenario.Scenario} is plain data (cluster, faults, options) made from a seed by
 * {@link dev.cau.testkit.scenario.ScenarioGenerator}, run by {@link
 * dev.cau.testkit.scenario.ScenarioRunner}, checked by {@link
 * dev.cau.testkit.scenario.InvariantChecker} against DESIGN's safety invariants, and reduced by
 * {@link dev.cau.testkit.scenario.Shrinker} when it fails. Nothing here depends on a test
 * framework.
 */
@NullMarked
package dev.cau.testkit.scenario;

import org.jspecify.annotations.NullMarked;

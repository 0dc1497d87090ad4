/**
 * The plug-in conformance kit: checks that an {@link dev.cau.api.plugin.UpdatePluginProvider}
 * keeps the contract of the update plug-in SPI, from a plain JUnit test.
 *
 * <p>Start with {@link dev.cau.testkit.conformance.PluginConformance#of}, give it the run's
 * arguments and a supplier of fresh {@link dev.cau.testkit.conformance.ConformanceNode}s that
 * offer the capabilities the plug-in needs, then call
 * {@link dev.cau.testkit.conformance.PluginConformance#assertConforms()}. Every check of
 * {@link dev.cau.testkit.conformance.ConformanceCheck} runs, and the error lists each one that
 * failed in terms of what the plug-in did. {@link dev.cau.testkit.conformance.ConformanceContext}
 * is the test-side {@link dev.cau.api.plugin.PluginContext} the kit calls the plug-in with; a
 * plug-in's own unit tests can use it too.
 *
 * <p>{@link dev.cau.testkit.conformance.NodeControllerConformance} checks a product's
 * {@link dev.cau.api.cluster.NodeController} against the rules the engine relies on when it
 * resumes a run; {@link dev.cau.testkit.conformance.ClusterStateConformance} checks its run lock
 * and run store.
 */
@NullMarked
package dev.cau.testkit.conformance;

import org.jspecify.annotations.NullMarked;

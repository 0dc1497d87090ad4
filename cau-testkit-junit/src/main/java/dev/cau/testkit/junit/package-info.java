/**
 * JUnit 5 support: {@link dev.cau.testkit.junit.ScenarioTest} runs a test method once per
 * generated scenario, names each run by its seed, and shrinks a failing scenario before it
 * reports it.
 */
@NullMarked
package dev.cau.testkit.junit;

import org.jspecify.annotations.NullMarked;

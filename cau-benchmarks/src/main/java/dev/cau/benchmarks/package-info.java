/** JMH benchmarks of the engine driven by the simulator. */
@NullMarked
package dev.cau.benchmarks;

import org.jspecify.annotations.NullMarked;

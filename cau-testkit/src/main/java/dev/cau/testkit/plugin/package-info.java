/** An update plug-in over the simulated nodes' update catalogues. */
@NullMarked
package dev.cau.testkit.plugin;

import org.jspecify.annotations.NullMarked;

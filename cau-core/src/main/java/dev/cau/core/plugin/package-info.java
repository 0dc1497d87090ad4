/**
 * Update plug-in discovery through {@link java.util.ServiceLoader} and explicit registration,
 * lookup by name, and checking of a run's plug-in arguments against their descriptors.
 */
@NullMarked
package dev.cau.core.plugin;

import org.jspecify.annotations.NullMarked;

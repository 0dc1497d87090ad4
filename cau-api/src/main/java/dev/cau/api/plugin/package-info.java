/**
 * The update plug-in SPI: what a vendor implements to install firmware, drivers or operating
 * system updates through cau4j.
 *
 * <p>Implement {@link dev.cau.api.plugin.UpdatePlugin} and an
 * {@link dev.cau.api.plugin.UpdatePluginProvider}, and register the provider both in your
 * {@code module-info} ({@code provides}) and in {@code META-INF/services}. A plug-in depends on
 * this module only.
 */
@NullMarked
package dev.cau.api.plugin;

import org.jspecify.annotations.NullMarked;

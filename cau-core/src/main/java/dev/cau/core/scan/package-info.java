/**
 * Scan previews, CAU's {@code Invoke-CauScan}: what {@link dev.cau.core.UpdateCoordinator#scan}
 * found on each node, without changing any.
 */
@NullMarked
package dev.cau.core.scan;

import org.jspecify.annotations.NullMarked;

/**
 * The self-updating role: CAU's {@code Add-}, {@code Get-}, {@code Set-}, {@code Enable-},
 * {@code Disable-} and {@code Remove-CauClusterRole}. {@link dev.cau.core.role.CauClusterRole}
 * keeps a {@link dev.cau.core.role.RoleConfiguration} (the clustered role that runs the update
 * coordinator, whether it is enabled, the run options and the schedule) as one line of text in
 * the cluster's {@link dev.cau.api.cluster.RunStore}, checks it against the cluster before
 * anything is written, and tells the node that owns the role when the next run is due. Nothing
 * here reads a clock or starts a run: the caller passes instants in and starts runs itself.
 */
@NullMarked
package dev.cau.core.role;

import org.jspecify.annotations.NullMarked;

/**
 * The Pacemaker/Corosync backend. {@link dev.cau.pacemaker.PacemakerCluster} reads the cluster
 * through {@code crm_mon --output-as=xml} and {@code corosync-quorumtool -s} on the first node
 * that answers, drains a node by putting it in standby and waiting until Pacemaker has moved its
 * resources, restarts it with a configurable command and waits until it is back online with a
 * new boot identity. Every program runs with its arguments as data through a
 * {@link dev.cau.api.capability.ProgramRunner}; nothing is spliced into a shell line.
 */
@NullMarked
package dev.cau.pacemaker;

import org.jspecify.annotations.NullMarked;

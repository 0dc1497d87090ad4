/**
 * The standard capabilities a node offers to plug-ins, asked for through
 * {@link dev.cau.api.cluster.NodeController#capability(Class)} and
 * {@link dev.cau.api.plugin.PluginContext#capability(Class)}.
 *
 * <p>The set is small on purpose: {@link dev.cau.api.capability.ProgramRunner} runs a program or
 * a script on the node (every Microsoft plug-in and every Linux package manager works this way),
 * and {@link dev.cau.api.capability.NodeFiles} reads what the node sees (the hotfix plug-in's
 * share, scripts that must be identical on every node). A vendor plug-in builds on them instead
 * of defining a capability that every product's node controller would have to implement.
 */
@NullMarked
package dev.cau.api.capability;

import org.jspecify.annotations.NullMarked;

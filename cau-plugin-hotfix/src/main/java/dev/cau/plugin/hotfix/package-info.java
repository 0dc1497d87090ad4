/**
 * The hotfix plug-in, {@value dev.cau.plugin.hotfix.HotfixPluginProvider#NAME}: CAU's second
 * built-in plug-in. It installs the files an administrator places in a hotfix root folder
 * ({@code CAUHotfix_All} for every node, a folder named after a node for that node, folder-rule
 * folders for other installers) with the installer, parameters and exit-code classes of a
 * configuration file, and refuses to start when the folder could be changed by anyone but
 * administrators or the share does not protect what the nodes read.
 */
@NullMarked
package dev.cau.plugin.hotfix;

import org.jspecify.annotations.NullMarked;

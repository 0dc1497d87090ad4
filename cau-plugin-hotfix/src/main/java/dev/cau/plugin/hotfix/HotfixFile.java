package dev.cau.plugin.hotfix;

/**
 * A file of the root folder that applies to a node.
 *
 * @param relativePath its path below the root folder, with {@code \}, as found
 * @param fullPath its full path, as the node reads it
 * @param rule the rule that installs it
 * @param size its size in bytes
 */
record HotfixFile(String relativePath, String fullPath, InstallerRule rule, long size) {}

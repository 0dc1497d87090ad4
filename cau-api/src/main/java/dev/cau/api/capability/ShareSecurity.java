package dev.cau.api.capability;

/**
 * What a file share demands of its clients, as a plug-in that installs from a share must check.
 *
 * @param signingRequired whether the share requires SMB signing
 * @param encryptionRequired whether the share requires SMB encryption
 * @param distributed whether the path is a DFS namespace path, whose target a client cannot
 *     check the access list of
 */
public record ShareSecurity(boolean signingRequired, boolean encryptionRequired, boolean distributed) {}

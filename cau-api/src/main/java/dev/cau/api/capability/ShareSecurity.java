package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a file share demands of its clients, as a plug-in that installs from a share must check.
 *
 * @param signingRequired whether the share requires SMB signing
 * @param encryptionRequired whether the share requires SMB encryption
 * @param distributed whether the path is a DFS namespace path, whose target a client cannot
 *     check the access list of
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ShareSecurity(boolean signingRequired, boolean encryptionRequired, boolean distributed) {}

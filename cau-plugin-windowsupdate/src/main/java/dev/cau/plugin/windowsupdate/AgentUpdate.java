package dev.cau.plugin.windowsupdate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One update as the node-side script reports a Windows Update Agent {@code IUpdate}.
 *
 * @param updateId {@code Identity.UpdateID}, lower case
 * @param revisionNumber {@code Identity.RevisionNumber}
 * @param title {@code Title}
 * @param kbArticleIds {@code KBArticleIDs}: digits, without the {@code KB} prefix
 * @param classification the name of the update's classification category, or {@code null}
 * @param maxDownloadSize {@code MaxDownloadSize} in bytes
 * @param rebootBehavior {@code InstallationBehavior.RebootBehavior}: 0 never, 1 always, 2 can
 *     request a restart
 * @param impact {@code InstallationBehavior.Impact}: 0 normal, 1 minor, 2 must be installed alone
 * @param autoSelectOnWebSites {@code AutoSelectOnWebSites}: an important update
 * @param browseOnly {@code BrowseOnly}: an optional update
 * @param eulaAccepted {@code EulaAccepted}
 * @param canRequestUserInput {@code InstallationBehavior.CanRequestUserInput}
 * @param hidden {@code IsHidden}
 * @param downloaded {@code IsDownloaded}
 */
record AgentUpdate(
    String updateId,
    long revisionNumber,
    String title,
    List<String> kbArticleIds,
    @Nullable String classification,
    long maxDownloadSize,
    int rebootBehavior,
    int impact,
    boolean autoSelectOnWebSites,
    boolean browseOnly,
    boolean eulaAccepted,
    boolean canRequestUserInput,
    boolean hidden,
    boolean downloaded) {
  /** {@code InstallationImpact.RequiresExclusiveHandling}. */
  static final int IMPACT_EXCLUSIVE = 2;

  AgentUpdate {
    kbArticleIds = List.copyOf(kbArticleIds);
  }

  /** Whether Windows Update treats it as important rather than recommended or optional. */
  boolean important() {
    return autoSelectOnWebSites;
  }

  /** Whether it is recommended: not important, and not browse-only. */
  boolean recommended() {
    return !autoSelectOnWebSites && !browseOnly;
  }
}

package dev.cau.plugin.windowsupdate.simulated;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One update in a {@link SimulatedWindowsUpdateAgent}'s catalogue, described with the properties
 * the Windows Update Agent documents for {@code IUpdate}.
 *
 * <pre>{@code
 * CatalogueUpdate.important("5034441", "2024-01 Cumulative Update (KB5034441)")
 *     .classification("Security Updates").restart(1).installTaking(Duration.ofMinutes(12));
 * }</pre>
 *
 * @param updateId the {@code UpdateID}, a GUID in lower case
 * @param kb the KB number, digits only, or {@code null}
 * @param title the title
 * @param classification the classification's name, such as {@code Security Updates}
 * @param kind important, recommended or optional
 * @param type {@code Software} or {@code Driver}
 * @param eulaAccepted whether its licence terms are accepted
 * @param canRequestUserInput whether installing may ask for user input
 * @param hidden whether an administrator hid it
 * @param installAlone whether it must be installed alone ({@code Impact} 2)
 * @param rebootBehavior 0 never restarts, 1 always, 2 can request a restart
 * @param sizeBytes the download size
 * @param failingHresult the HRESULT its install fails with, or 0 when it installs
 * @param appearsAfter the {@code UpdateID} that must be installed (and, if it restarts, restarted)
 *     before this update applies, or {@code null}
 * @param download how long downloading it takes
 * @param install how long installing it takes
 */
public record CatalogueUpdate(
    String updateId,
    @Nullable String kb,
    String title,
    String classification,
    Kind kind,
    String type,
    boolean eulaAccepted,
    boolean canRequestUserInput,
    boolean hidden,
    boolean installAlone,
    int rebootBehavior,
    long sizeBytes,
    int failingHresult,
    @Nullable String appearsAfter,
    Duration download,
    Duration install) {
  private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** How Windows Update ranks an update. */
  public enum Kind {
    /** {@code AutoSelectOnWebSites} is true. */
    IMPORTANT,
    /** Neither auto-selected nor browse-only. */
    RECOMMENDED,
    /** {@code BrowseOnly} is true. */
    OPTIONAL
  }

  /**
   * Checks the components.
   *
   * @param updateId the GUID
   * @param kb the KB digits, or {@code null}
   * @param title the title
   * @param classification the classification
   * @param kind the rank
   * @param type Software or Driver
   * @param eulaAccepted whether licence terms are accepted
   * @param canRequestUserInput whether it may ask for input
   * @param hidden whether it is hidden
   * @param installAlone whether it is installed alone
   * @param rebootBehavior 0, 1 or 2
   * @param sizeBytes the size
   * @param failingHresult the failure's HRESULT, or 0
   * @param appearsAfter the prerequisite's GUID, or {@code null}
   * @param download the download time
   * @param install the install time
   */
  public CatalogueUpdate {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(download, "download");
    Objects.requireNonNull(install, "install");
    if (!GUID.matcher(updateId).matches()) {
      throw new IllegalArgumentException("updateId must be a lower-case GUID, not \"" + updateId + "\"");
    }
    if (kb != null && !kb.matches("[0-9]{1,10}")) {
      throw new IllegalArgumentException("kb must be 1 to 10 digits without \"KB\", not \"" + kb + "\"");
    }
    if (rebootBehavior < 0 || rebootBehavior > 2) {
      throw new IllegalArgumentException("rebootBehavior must be 0, 1 or 2, not " + rebootBehavior);
    }
  }

  /**
   * Creates an important software update that installs without a restart in a minute. Its GUID is
   * derived from the KB number, so that catalogues read the same on every node.
   *
   * @param kb the KB number, digits only
   * @param title the title
   * @return the update
   */
  public static CatalogueUpdate important(String kb, String title) {
    return new CatalogueUpdate(guidFor(kb), kb, title, "Security Updates", Kind.IMPORTANT, "Software", true, false,
        false, false, 0, 50L << 20, 0, null, Duration.ofMinutes(2), Duration.ofMinutes(1));
  }

  /**
   * Creates a recommended software update.
   *
   * @param kb the KB number, digits only
   * @param title the title
   * @return the update
   */
  public static CatalogueUpdate recommended(String kb, String title) {
    return important(kb, title).kind(Kind.RECOMMENDED).classification("Updates");
  }

  /**
   * Returns a GUID derived from a KB number: {@code 00000000-0000-4000-8000-<kb, 12 digits>}.
   *
   * @param kb the KB number, digits only
   * @return the GUID
   */
  public static String guidFor(String kb) {
    return "00000000-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", Long.parseLong(kb));
  }

  /**
   * Returns this update with another rank.
   *
   * @param rank important, recommended or optional
   * @return the new update
   */
  public CatalogueUpdate kind(Kind rank) {
    return new CatalogueUpdate(updateId, kb, title, classification, rank, type, eulaAccepted, canRequestUserInput,
        hidden, installAlone, rebootBehavior, sizeBytes, failingHresult, appearsAfter, download, install);
  }

  /**
   * Returns this update with another classification.
   *
   * @param name such as {@code Critical Updates}
   * @return the new update
   */
  public CatalogueUpdate classification(String name) {
    return new CatalogueUpdate(updateId, kb, title, name, kind, type, eulaAccepted, canRequestUserInput, hidden,
        installAlone, rebootBehavior, sizeBytes, failingHresult, appearsAfter, download, install);
  }

  /**
   * Returns this update as a driver.
   *
   * @return the new update
   */
  public CatalogueUpdate driver() {
    return new CatalogueUpdate(updateId, kb, title, "Drivers", kind, "Driver", eulaAccepted, canRequestUserInput,
        hidden, installAlone, rebootBehavior, sizeBytes, failingHresult, appearsAfter, download, install);
  }

  /**
   * Returns this update needing its licence terms accepted.
   *
   * @return the new update
   */
  public CatalogueUpdate needingLicence() {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, false, canRequestUserInput, hidden,
        installAlone, rebootBehavior, sizeBytes, failingHresult, appearsAfter, download, install);
  }

  /**
   * Returns this update as one that may ask for user input.
   *
   * @return the new update
   */
  public CatalogueUpdate askingForInput() {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, eulaAccepted, true, hidden,
        installAlone, rebootBehavior, sizeBytes, failingHresult, appearsAfter, download, install);
  }

  /**
   * Returns this update hidden.
   *
   * @return the new update
   */
  public CatalogueUpdate hide() {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, eulaAccepted, canRequestUserInput,
        true, installAlone, rebootBehavior, sizeBytes, failingHresult, appearsAfter, download, install);
  }

  /**
   * Returns this update as one that must be installed alone.
   *
   * @return the new update
   */
  public CatalogueUpdate exclusive() {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, eulaAccepted, canRequestUserInput,
        hidden, true, rebootBehavior, sizeBytes, failingHresult, appearsAfter, download, install);
  }

  /**
   * Returns this update with a restart behaviour.
   *
   * @param behavior 0 never, 1 always, 2 can request
   * @return the new update
   */
  public CatalogueUpdate restart(int behavior) {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, eulaAccepted, canRequestUserInput,
        hidden, installAlone, behavior, sizeBytes, failingHresult, appearsAfter, download, install);
  }

  /**
   * Returns this update failing to install with an HRESULT.
   *
   * @param hresult such as {@code 0x8024200B}
   * @return the new update
   */
  public CatalogueUpdate failingWith(int hresult) {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, eulaAccepted, canRequestUserInput,
        hidden, installAlone, rebootBehavior, sizeBytes, hresult, appearsAfter, download, install);
  }

  /**
   * Returns this update applying only once another is installed (and restarted, if it restarts).
   *
   * @param prerequisite the other update
   * @return the new update
   */
  public CatalogueUpdate appearingAfter(CatalogueUpdate prerequisite) {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, eulaAccepted, canRequestUserInput,
        hidden, installAlone, rebootBehavior, sizeBytes, failingHresult, prerequisite.updateId(), download, install);
  }

  /**
   * Returns this update taking a time to install.
   *
   * @param time the install time
   * @return the new update
   */
  public CatalogueUpdate installTaking(Duration time) {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, eulaAccepted, canRequestUserInput,
        hidden, installAlone, rebootBehavior, sizeBytes, failingHresult, appearsAfter, download, time);
  }

  /**
   * Returns this update taking a time to download.
   *
   * @param time the download time
   * @return the new update
   */
  public CatalogueUpdate downloadTaking(Duration time) {
    return new CatalogueUpdate(updateId, kb, title, classification, kind, type, eulaAccepted, canRequestUserInput,
        hidden, installAlone, rebootBehavior, sizeBytes, failingHresult, appearsAfter, time, install);
  }
}

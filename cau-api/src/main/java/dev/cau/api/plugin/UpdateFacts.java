package dev.cau.api.plugin;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Optional facts a plug-in knows about an update, kept in the run's journal and shown in reports.
 * A simple plug-in gives none ({@link #NONE}); CAU's plug-ins report what Windows Update, the
 * hotfix share or the setup media say.
 *
 * <pre>{@code
 * UpdateFacts.NONE.withKbArticles(List.of("KB5034441")).withClassification("Security Updates")
 *     .withRestart(RestartBehavior.MAY);
 * }</pre>
 *
 * @param kbArticles the Knowledge Base articles, each written {@code KB} and digits
 * @param guid a globally unique identifier of the update, such as Windows Update's
 *     {@code UpdateID}, or {@code null}
 * @param classification the update's class, such as {@code Security Updates}, {@code Drivers}
 *     or {@code Upgrades}, or {@code null}
 * @param sizeBytes the download size in bytes, or {@link #UNKNOWN_SIZE}
 * @param restart whether installing it needs a restart, as known before installing
 * @param installAlone whether it must be installed on its own, not together with other updates
 *     (Windows Update's exclusive handling)
 * @param targetVersion for a feature update, the operating system version it installs, such as
 *     {@code 23H2}, or {@code null}
 * @param targetBuild for a feature update, the build it installs, such as {@code 25398}, or
 *     {@code null}
 * @param contentSha256 the SHA-256 of the update's content as the plug-in found it (64 lower-case
 *     hexadecimal digits), or {@code null}
 */
@API(status = STABLE, since = "0.1.0")
public record UpdateFacts(
    List<String> kbArticles,
    @Nullable String guid,
    @Nullable String classification,
    long sizeBytes,
    RestartBehavior restart,
    boolean installAlone,
    @Nullable String targetVersion,
    @Nullable String targetBuild,
    @Nullable String contentSha256) {
  /** The size of an update whose size is not known. */
  public static final long UNKNOWN_SIZE = -1;

  /** No facts: what a simple plug-in reports. */
  public static final UpdateFacts NONE =
      new UpdateFacts(List.of(), null, null, UNKNOWN_SIZE, RestartBehavior.UNKNOWN, false, null, null, null);

  /**
   * Checks the components.
   *
   * @param kbArticles the KB articles
   * @param guid the update's GUID, or {@code null}
   * @param classification the class, or {@code null}
   * @param sizeBytes the size, or {@link #UNKNOWN_SIZE}
   * @param restart whether installing needs a restart
   * @param installAlone whether it must be installed alone
   * @param targetVersion the version a feature update installs, or {@code null}
   * @param targetBuild the build a feature update installs, or {@code null}
   * @param contentSha256 the content's SHA-256, or {@code null}
   */
  public UpdateFacts {
    kbArticles = List.copyOf(kbArticles);
    for (String kb : kbArticles) {
      if (!kb.matches("KB[0-9]{1,10}")) {
        throw new IllegalArgumentException("A KB article is written KB and 1 to 10 digits, such as KB5034441, not \"" + kb + "\"");
      }
    }
    Objects.requireNonNull(restart, "restart");
    if (sizeBytes < UNKNOWN_SIZE) {
      throw new IllegalArgumentException("sizeBytes must be 0 or more, or UNKNOWN_SIZE, not " + sizeBytes);
    }
    if (contentSha256 != null && !contentSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("contentSha256 must be 64 lower-case hexadecimal digits, not \"" + contentSha256 + "\"");
    }
    refuseBlank("guid", guid);
    refuseBlank("classification", classification);
    refuseBlank("targetVersion", targetVersion);
    refuseBlank("targetBuild", targetBuild);
  }

  /**
   * Returns these facts with KB articles.
   *
   * @param articles the articles, such as {@code KB5034441}
   * @return the new facts
   */
  public UpdateFacts withKbArticles(List<String> articles) {
    return new UpdateFacts(articles, guid, classification, sizeBytes, restart, installAlone, targetVersion,
        targetBuild, contentSha256);
  }

  /**
   * Returns these facts with a GUID.
   *
   * @param id the update's GUID
   * @return the new facts
   */
  public UpdateFacts withGuid(String id) {
    return new UpdateFacts(kbArticles, id, classification, sizeBytes, restart, installAlone, targetVersion,
        targetBuild, contentSha256);
  }

  /**
   * Returns these facts with a classification.
   *
   * @param name the class, such as {@code Security Updates}
   * @return the new facts
   */
  public UpdateFacts withClassification(String name) {
    return new UpdateFacts(kbArticles, guid, name, sizeBytes, restart, installAlone, targetVersion, targetBuild,
        contentSha256);
  }

  /**
   * Returns these facts with a size.
   *
   * @param bytes the download size
   * @return the new facts
   */
  public UpdateFacts withSizeBytes(long bytes) {
    return new UpdateFacts(kbArticles, guid, classification, bytes, restart, installAlone, targetVersion, targetBuild,
        contentSha256);
  }

  /**
   * Returns these facts with a restart behaviour.
   *
   * @param behavior whether installing needs a restart
   * @return the new facts
   */
  public UpdateFacts withRestart(RestartBehavior behavior) {
    return new UpdateFacts(kbArticles, guid, classification, sizeBytes, behavior, installAlone, targetVersion,
        targetBuild, contentSha256);
  }

  /**
   * Returns these facts saying the update must be installed alone.
   *
   * @param alone whether it must be installed alone
   * @return the new facts
   */
  public UpdateFacts withInstallAlone(boolean alone) {
    return new UpdateFacts(kbArticles, guid, classification, sizeBytes, restart, alone, targetVersion, targetBuild,
        contentSha256);
  }

  /**
   * Returns these facts for a feature update to a version and build.
   *
   * @param version the operating system version, such as {@code 23H2}
   * @param build the build, such as {@code 25398}
   * @return the new facts
   */
  public UpdateFacts withTarget(String version, String build) {
    return new UpdateFacts(kbArticles, guid, classification, sizeBytes, restart, installAlone, version, build,
        contentSha256);
  }

  /**
   * Returns these facts with the content's hash.
   *
   * @param sha256 64 hexadecimal digits, in either case
   * @return the new facts
   */
  public UpdateFacts withContentSha256(String sha256) {
    return new UpdateFacts(kbArticles, guid, classification, sizeBytes, restart, installAlone, targetVersion,
        targetBuild, sha256.toLowerCase(Locale.ROOT));
  }

  /**
   * Tells whether no fact is known.
   *
   * @return whether these are {@link #NONE}
   */
  public boolean isEmpty() {
    return equals(NONE);
  }

  private static void refuseBlank(String field, @Nullable String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(field + " must be absent (null) or not blank");
    }
  }
}

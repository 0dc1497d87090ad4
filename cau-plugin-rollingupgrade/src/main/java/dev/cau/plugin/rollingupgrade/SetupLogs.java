package dev.cau.plugin.rollingupgrade;

import dev.cau.api.CauException;
import dev.cau.api.capability.FileEntry;
import dev.cau.api.capability.FileKind;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.plugin.PluginContext;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects Windows setup's logs from a node, as {@code Save-CauDebugTrace -FeatureUpdateLogs} does:
 * {@code setuperr.log} and {@code setupact.log} from the Panther folders setup writes in each of its
 * phases, read through the node's {@link NodeFiles} and put into the node's log, one named
 * attachment per file. Bounded: a file larger than {@link #MAX_FILE_BYTES} is named with its size
 * and left on the node, so at most {@code PATHS.size() * MAX_FILE_BYTES} bytes are ever read. A
 * file that cannot be read is named with the reason; collecting never fails the node.
 */
final class SetupLogs {
  /** The largest log file collected: 64 KiB. */
  static final long MAX_FILE_BYTES = 64 * 1024;

  /**
   * Where setup leaves its logs: the down-level phase's working folder, the folder of a rollback,
   * and the installed system's Panther folder; errors first.
   */
  static final List<String> PATHS = List.of(
      "C:\\$WINDOWS.~BT\\Sources\\Panther\\setuperr.log",
      "C:\\$WINDOWS.~BT\\Sources\\Panther\\setupact.log",
      "C:\\$WINDOWS.~BT\\Sources\\Rollback\\setuperr.log",
      "C:\\$WINDOWS.~BT\\Sources\\Rollback\\setupact.log",
      "C:\\Windows\\Panther\\setuperr.log",
      "C:\\Windows\\Panther\\setupact.log");

  /** When the logs are collected: the values of {@code FeatureUpdateLogs}. */
  enum When {
    /** Never. */
    NONE,
    /** Where setup failed, was blocked or rolled back (the default). */
    FAILED_SETUP,
    /** Also after every upgrade that succeeded. */
    ALL;

    /** Reads a value as an administrator writes it, in any case, or empty if it is none of them. */
    static Optional<When> parse(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "none" -> Optional.of(NONE);
        case "failedsetup" -> Optional.of(FAILED_SETUP);
        case "all" -> Optional.of(ALL);
        default -> Optional.empty();
      };
    }
  }

  /**
   * One collected file.
   *
   * @param name the attachment's name: node, folder and file, such as {@code n2-Panther-setuperr.log}
   * @param path where it is on the node
   * @param size its size in bytes
   * @param text its text, or {@code null} when it was not collected
   * @param notCollected why it was not collected, or {@code null}
   */
  record Attachment(String name, String path, long size, @Nullable String text, @Nullable String notCollected) {}

  private SetupLogs() {}

  /**
   * Collects the logs that exist on the node into its log.
   *
   * @param context the call on the node
   * @param why why they are collected, for the log
   * @return the attachments, in {@link #PATHS} order; empty when the node cannot be read
   */
  static List<Attachment> collect(PluginContext context, String why) {
    String node = context.nodeName();
    Optional<NodeFiles> files = context.capability(NodeFiles.class);
    if (files.isEmpty()) {
      context.log().warn("Setup's logs of node \"" + node + "\" cannot be collected (" + why + "): the node offers no"
          + " file reading; copy them from " + String.join(", ", PATHS));
      return List.of();
    }
    List<Attachment> attachments = new ArrayList<>();
    for (String path : PATHS) {
      collect(context, files.get(), path).ifPresent(attachments::add);
    }
    if (attachments.isEmpty()) {
      context.log().warn("No setup log found on node \"" + node + "\" (" + why + ") at " + String.join(", ", PATHS));
    }
    for (Attachment a : attachments) {
      String header = "Setup log attachment \"" + a.name() + "\" of node \"" + node + "\" (" + why + "): " + a.path()
          + ", " + a.size() + " bytes";
      context.log().warn(a.text() != null ? header + "\n" + a.text() : header + ", not collected: " + a.notCollected());
    }
    return attachments;
  }

  private static Optional<Attachment> collect(PluginContext context, NodeFiles files, String path) {
    String name = context.nodeName() + "-" + folderOf(path) + "-" + path.substring(path.lastIndexOf('\\') + 1);
    Optional<FileEntry> entry;
    try {
      entry = files.stat(path, context);
    } catch (CauException e) {
      return Optional.of(new Attachment(name, path, 0, null, "it could not be looked at: " + e.getMessage()));
    }
    if (entry.isEmpty() || entry.get().kind() != FileKind.FILE) {
      return Optional.empty();
    }
    long size = entry.get().size();
    if (size > MAX_FILE_BYTES) {
      return Optional.of(new Attachment(name, path, size, null, "it is larger than the " + MAX_FILE_BYTES
          + " bytes collected; copy it from the node"));
    }
    try {
      return Optional.of(new Attachment(name, path, size, text(files.read(path, MAX_FILE_BYTES, context)), null));
    } catch (CauException e) {
      return Optional.of(new Attachment(name, path, size, null, "it could not be read: " + e.getMessage()));
    }
  }

  /** {@code Panther} or {@code Rollback}, and {@code Windows-Panther} for the installed system's folder. */
  private static String folderOf(String path) {
    String folder = path.substring(0, path.lastIndexOf('\\'));
    String last = folder.substring(folder.lastIndexOf('\\') + 1);
    return folder.startsWith("C:\\Windows\\") ? "Windows-" + last : last;
  }

  /** Setup writes its logs as UTF-8 or ANSI text; anything else is shown replaced, never interpreted. */
  private static String text(byte[] content) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(content)).toString()
          .replace('\0', ' ');
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("A replacing decoder does not throw", e);
    }
  }
}

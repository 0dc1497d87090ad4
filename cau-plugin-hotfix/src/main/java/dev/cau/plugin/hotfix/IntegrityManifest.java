package dev.cau.plugin.hotfix;

import dev.cau.api.PluginFailureException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional integrity manifest of a root folder, {@value #FILE_NAME}: one line per file,
 * {@code sha256sum} style, the SHA-256 in hexadecimal, spaces (and an optional {@code *}), then
 * the path relative to the root folder ({@code \} or {@code /}); blank lines and lines starting
 * with {@code #} are skipped.
 *
 * <pre>
 * 3f5a...e1  CAUHotfix_All\Windows10.0-KB5034441-x64.msu
 * 9b2c...07  CAUHotfix_All\BIOS\R740_BIOS_2.21.2.exe
 * </pre>
 *
 * <p>When a root folder has one, the plug-in installs only files it lists, with the hash it
 * lists. The manifest is not signed: it is protected as the configuration is, by the check that
 * only administrators may change the root folder and the files in it. Bounded: at most
 * {@value #MAX_BYTES} bytes and {@value #MAX_LINES} lines.
 */
final class IntegrityManifest {
  /** The manifest's name in the root folder. */
  static final String FILE_NAME = "CAUHotfixManifest.sha256";

  /** The largest manifest accepted, in bytes. */
  static final int MAX_BYTES = 1 << 20;

  /** The most lines accepted. */
  static final int MAX_LINES = 20_000;

  /** The error id of a manifest that cannot be read. */
  static final String INVALID = "HotfixManifestInvalid";

  private static final Pattern LINE = Pattern.compile("([0-9A-Fa-f]{64}) [ *]?\\*?(.+)");

  private final Map<String, String> hashes;

  private IntegrityManifest(Map<String, String> hashes) {
    this.hashes = Map.copyOf(hashes);
  }

  /**
   * Reads a manifest.
   *
   * @param content its bytes, UTF-8
   * @return the manifest
   * @throws PluginFailureException naming the line of the first problem
   */
  static IntegrityManifest parse(byte[] content) {
    if (content.length > MAX_BYTES) {
      throw invalid(0, "it holds " + content.length + " bytes; allowed: at most " + MAX_BYTES);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw invalid(0, "it is not UTF-8 text");
    }
    Map<String, String> hashes = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    if (lines.length > MAX_LINES) {
      throw invalid(0, "it has " + lines.length + " lines; allowed: at most " + MAX_LINES);
    }
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw invalid(i + 1, "expected a SHA-256 (64 hexadecimal digits), spaces and a relative path");
      }
      String path = m.group(2).strip().replace('/', '\\');
      for (String part : path.split("\\\\", -1)) {
        Optional<String> problem = WindowsNames.problem(part);
        if (problem.isPresent()) {
          throw invalid(i + 1, "path \"" + path + "\" is not a plain relative path: " + problem.get());
        }
      }
      if (hashes.put(key(path), m.group(1).toLowerCase(java.util.Locale.ROOT)) != null) {
        throw invalid(i + 1, "path \"" + path + "\" is listed twice; allowed: once");
      }
    }
    return new IntegrityManifest(hashes);
  }

  /** The hash the manifest lists for a path relative to the root, or empty if it does not list it. */
  Optional<String> hashOf(String relativePath) {
    return Optional.ofNullable(hashes.get(key(relativePath)));
  }

  private static String key(String relativePath) {
    return WindowsNames.upper(relativePath);
  }

  private static PluginFailureException invalid(int line, String problem) {
    return new PluginFailureException(INVALID, "Hotfix manifest \"" + FILE_NAME + "\"" + (line > 0 ? ", line " + line : "")
        + ": " + problem);
  }
}

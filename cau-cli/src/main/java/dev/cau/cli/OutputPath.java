package dev.cau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A path an option names for a command to write to: a file, or {@code -} for standard output.
 *
 * <p>A command checks the path with {@link #check} before it acts, so that a file that cannot be
 * written is refused before a run starts instead of after it ended.
 */
final class OutputPath {
  /** The name that stands for standard output wherever a path is written. */
  static final String STANDARD_OUTPUT = "-";

  private OutputPath() {}

  /**
   * Returns whether a path stands for standard output.
   *
   * @param path the path an option gave
   * @return {@code true} for {@code -}
   */
  static boolean isStandardOutput(Path path) {
    return path.toString().equals(STANDARD_OUTPUT);
  }

  /**
   * Refuses a path that cannot be written as a file, without touching it.
   *
   * @param option the option that named the path, such as {@code "--path"}
   * @param file the path; {@code -} (standard output) passes
   * @throws InputRefused if the path is a directory, its directory is missing or is a file, or
   *     the file or its directory is not writable
   */
  static void check(String option, Path file) {
    if (isStandardOutput(file)) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw new InputRefused("\"" + option + "\" must name a file, but \"" + file + "\" is a directory");
    }
    Path parent = file.getParent() != null ? file.getParent() : file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new InputRefused("\"" + option + "\" must name a file in an existing directory, but \"" + parent
          + (Files.exists(parent) ? "\" is a file, not a directory" : "\" does not exist"));
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new InputRefused("\"" + option + "\" must name a file that can be written, but \"" + file
          + "\" cannot be written (permission denied)");
    }
    if (!Files.exists(file) && parent != null && !Files.isWritable(parent)) {
      throw new InputRefused("\"" + option + "\" must name a file in a directory that can be written, but"
          + " directory \"" + parent + "\" cannot be written (permission denied)");
    }
  }

  /**
   * Writes a whole text to the file, replacing it, or to standard output.
   *
   * @param file the file, or {@code -}
   * @param text the whole text, rendered before anything is written
   * @param out standard output
   * @throws IOException if the file cannot be written; {@link IoProblems#describe} words it
   */
  static void write(Path file, String text, PrintWriter out) throws IOException {
    if (isStandardOutput(file)) {
      out.print(text);
      out.flush();
    } else {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }
}

package dev.cau.cli;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Says in words what went wrong with a file, for messages a user reads: "no such file",
 * "permission denied", never a Java class name or a bare path.
 */
final class IoProblems {
  private IoProblems() {}

  /**
   * Returns why a file cannot be read, found without reading it.
   *
   * @param file the file to read
   * @return empty if it is a readable regular file; otherwise why not, such as {@code "no such
   *     file"} or {@code "it is a directory, not a file"}
   */
  static Optional<String> whyUnreadable(Path file) {
    if (!Files.exists(file)) {
      return Optional.of("no such file");
    }
    if (Files.isDirectory(file)) {
      return Optional.of("it is a directory, not a file");
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of("it is not a regular file");
    }
    if (!Files.isReadable(file)) {
      return Optional.of("it is not readable (permission denied)");
    }
    return Optional.empty();
  }

  /**
   * Describes a failed file operation in words.
   *
   * @param e what the operation threw; {@code null} when it did not say
   * @return for example {@code "no such file or directory"} or {@code "permission denied"}
   */
  static String describe(@Nullable IOException e) {
    if (e == null) {
      return "an input or output error";
    } else if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    } else if (e instanceof NotDirectoryException) {
      return "a part of the path is not a directory";
    } else if (e instanceof DirectoryNotEmptyException) {
      return "the directory is not empty";
    } else if (e instanceof FileSystemLoopException) {
      return "the path loops through symbolic links";
    } else if (e instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    } else if (e instanceof EOFException) {
      return "it ended too early";
    } else if (e instanceof FileSystemException fileSystem) {
      String reason = fileSystem.getReason();
      return reason == null || reason.isBlank() ? "the file system refused it" : lowerFirst(reason);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "an input or output error" : lowerFirst(message);
  }

  /** "Read-only file system" reads as "read-only file system" after a colon. */
  private static String lowerFirst(String text) {
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}

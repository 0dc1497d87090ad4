package dev.cau.cli;

import dev.cau.core.store.FileRunStore;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the run store a {@code --store} option names: a {@link FileRunStore} directory, which
 * holds a {@code runs} directory with a journal and a report per run.
 */
final class Stores {
  private static final String OPTION = "--store";

  private Stores() {}

  /**
   * Opens a store that must exist already, for commands that only read it.
   *
   * @param directory the store's directory
   * @return the store
   * @throws InputRefused if the directory does not exist, is not a directory or holds no store;
   *     nothing is created
   */
  static FileRunStore existing(Path directory) {
    if (!Files.exists(directory)) {
      throw new InputRefused("\"" + OPTION + "\" must name an existing run store directory, but \""
          + directory + "\" does not exist; 'cau run --store " + directory + "' creates one");
    }
    if (!Files.isDirectory(directory)) {
      throw new InputRefused("\"" + OPTION + "\" must name a run store directory, but \"" + directory
          + "\" is a file");
    }
    if (!Files.isDirectory(directory.resolve("runs"))) {
      throw new InputRefused("\"" + OPTION + "\" must name a run store directory, but \"" + directory
          + "\" holds no run store: it has no \"runs\" directory; 'cau run --store " + directory
          + "' creates one");
    }
    return open(directory);
  }

  /**
   * Opens a store, creating its directory if it does not exist, for commands that run.
   *
   * @param directory the store's directory
   * @return the store
   * @throws InputRefused if the directory cannot be created or is not a directory
   */
  static FileRunStore openOrCreate(Path directory) {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new InputRefused("\"" + OPTION + "\" must name a directory for the run store, but \"" + directory
          + "\" is a file");
    }
    return open(directory);
  }

  private static FileRunStore open(Path directory) {
    try {
      return new FileRunStore(directory);
    } catch (UncheckedIOException e) {
      throw new InputRefused("\"" + OPTION + "\" must name a directory that can hold a run store, but \""
          + directory + "\" cannot be opened: " + IoProblems.describe(e.getCause()));
    }
  }
}

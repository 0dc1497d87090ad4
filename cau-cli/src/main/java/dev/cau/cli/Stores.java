package dev.cau.cli;

import dev.cau.core.store.FileRunStore;
import dev.cau.core.store.StoreLockedException;
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

  /**
   * Takes a store's write lock for a command that writes it, before it touches anything.
   *
   * @param store the store
   * @param command who takes it, such as {@code "cau run --resume"}; the process id is added
   * @return the store, which the command closes when it ends
   * @throws InputRefused if another process holds the lock, naming it and saying what to do
   */
  static FileRunStore lockForWriting(FileRunStore store, String command) {
    try {
      store.lockForWriting(command + " (process " + ProcessHandle.current().pid() + ")");
      return store;
    } catch (StoreLockedException e) {
      throw new InputRefused("run store \"" + store.directory() + "\" is in use: " + e.holder()
          + " holds its lock and is writing it, and only one process writes a run store at a time. Wait for that"
          + " run to end ('cau status --store " + store.directory() + "' shows it), then try again");
    } catch (UncheckedIOException e) {
      throw new InputRefused("\"" + OPTION + "\" must name a run store this process can lock, but \""
          + store.directory() + "\" cannot be locked: " + e.getCause());
    }
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

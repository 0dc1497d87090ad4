package dev.cau.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The operating system's lock on a store's {@value #FILE}, held by the one process that writes the
 * store.
 *
 * <p>The lock covers one byte far beyond the end of the file, so that the holder's description at
 * the start of the file stays readable on systems whose locks are mandatory; the description says
 * who holds the lock, for the message of a process that is refused. The lock goes when its holder
 * releases it or its process ends, however it ends. OS file locks are not reliable on network file
 * systems: a store directory must be local.
 */
final class StoreLock implements AutoCloseable {
  /** The lock file in the store's directory. */
  static final String FILE = "store.lock";

  /** Where the locked byte is: beyond any description. */
  private static final long POSITION = 1L << 40;

  /**
   * The byte that tells readers a writer is live: the holder locks it too (waiting the moment a
   * reader's probe takes), and a reader probes it, never the lock itself, so that a probe never
   * makes a writer's {@link #acquire} fail.
   */
  private static final long LIVE = POSITION + 1;

  /** The longest holder description read back. */
  private static final int MAX_HOLDER_BYTES = 1024;

  private final FileChannel channel;
  private final FileLock lock;
  private final FileLock live;

  private StoreLock(FileChannel channel, FileLock lock, FileLock live) {
    this.channel = channel;
    this.lock = lock;
    this.live = live;
  }

  /**
   * Takes the lock of a store, or says who holds it.
   *
   * @param directory the store's directory
   * @param holder who takes it, as the refusal of another process names it
   * @return the held lock
   * @throws StoreLockedException if another process, or another store object of this process,
   *     holds it
   * @throws UncheckedIOException if the lock file cannot be opened or written
   */
  static StoreLock acquire(Path directory, String holder) {
    Path file = directory.resolve(FILE);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, OwnerOnly.openOptions(StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE), OwnerOnly.attributes(file));
      FileLock lock;
      try {
        lock = channel.tryLock(POSITION, 1, false);
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String current = holderOf(channel);
        channel.close();
        throw new StoreLockedException("The run store " + directory + " is locked by " + current
            + ", which is writing it; only one process writes a run store at a time", current);
      }
      channel.truncate(0);
      ByteBuffer text = ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8));
      while (text.hasRemaining()) {
        channel.write(text, text.position());
      }
      channel.force(true);
      return new StoreLock(channel, lock, channel.lock(LIVE, 1, false));
    } catch (IOException e) {
      closeQuietly(channel, e);
      throw new UncheckedIOException("Cannot lock the run store " + directory + " with " + file, e);
    }
  }

  /**
   * Reads who holds a store's lock, as the holder described itself, without taking the lock.
   *
   * @param directory the store's directory
   * @return the description, or {@code "unknown"}
   */
  static String holderOf(Path directory) {
    try (FileChannel channel = FileChannel.open(directory.resolve(FILE), StandardOpenOption.READ,
        LinkOption.NOFOLLOW_LINKS)) {
      return holderOf(channel);
    } catch (NoSuchFileException e) {
      return "unknown";
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /**
   * Tells who writes a store now, without taking its lock and without ever making a writer's
   * {@link #acquire} fail.
   *
   * @param directory the store's directory
   * @return the holder's description, or empty if no process writes the store
   */
  static Optional<String> writer(Path directory) {
    Path file = directory.resolve(FILE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      FileLock probe;
      try {
        probe = channel.tryLock(LIVE, 1, true);
      } catch (OverlappingFileLockException e) {
        probe = null; // this process writes it
      }
      if (probe != null) {
        probe.release();
        return Optional.empty();
      }
      return Optional.of(holderOf(channel));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("unknown (" + e.getMessage() + ")");
    }
  }

  private static String holderOf(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_HOLDER_BYTES);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // reads the description, up to its bound
    }
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "unknown" : text.replaceAll("\\p{Cntrl}", "?");
  }

  /** Releases the lock; the description is cleared first, so that it never names a past holder. */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      live.release();
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock too.
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        // The lock is gone with the channel.
      }
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel, IOException failure) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}

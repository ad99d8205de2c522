package org.mpm.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.IntPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.AfterTransaction;

/**
 * Uploaded files on a local (or mounted) disk, under {@code mpm.storage.dir}, laid out as MPM's storage disk
 * ({@code documents/companies/<company>/persons/<person>/<uuid>.<ext>}). File changes follow the current JTA
 * transaction: a file placed in a transaction that rolls back is removed again, and a file deleted in a
 * transaction is only removed once it has committed. Uploads are received into a staging folder as they arrive
 * (bounded memory, a size limit) and placed once the request has been checked.
 */
@ApplicationScoped
public class FileStorage {

  private static final Logger LOG = Logger.getLogger(FileStorage.class.getName());
  /** Where uploads are received, under the root so that placing one is a rename on the same disk. */
  private static final String STAGING = ".staging";
  private static final int BUFFER = 64 * 1024;

  @Inject
  @ConfigProperty(name = "mpm.storage.dir", defaultValue = "data/storage")
  String root;

  @Resource TransactionSynchronizationRegistry transactions;

  /** An upload received into the storage's staging folder, where no reader looks, and its size in bytes. */
  public record Staged(Path file, long size) {}

  /**
   * Copies an upload into the staging folder as it arrives, never holding more than a buffer of it; null when it
   * is longer than {@code maxBytes} (then nothing of it is kept). The caller {@link #place}s or {@link #discard}s it.
   */
  public Staged stage(InputStream in, long maxBytes) {
    Path staging = Path.of(root).toAbsolutePath().normalize().resolve(STAGING);
    Path file = null;
    try {
      Files.createDirectories(staging);
      file = Files.createTempFile(staging, "upload-", ".part");
      long size = 0;
      try (OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          size += n;
          if (size > maxBytes) {
            out.close();
            Files.delete(file);
            return null;
          }
          out.write(buffer, 0, n);
        }
      }
      return new Staged(file, size);
    } catch (IOException e) {
      discard(file == null ? null : new Staged(file, 0));
      throw new UncheckedIOException("Could not receive an upload into " + staging, e);
    }
  }

  /** Moves a staged upload to its place (atomically: readers never see half of it); back out on rollback. */
  public void place(Staged staged, String directory, String name) {
    Path target = resolve(directory, name);
    try {
      Files.createDirectories(target.getParent());
      Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store " + target, e);
    }
    afterCompletion(status -> status != Status.STATUS_COMMITTED, target);
  }

  /** Removes a staged upload that was not placed (nothing happens to one that was). */
  public void discard(Staged staged) {
    if (staged != null) {
      try {
        Files.deleteIfExists(staged.file());
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Could not delete " + staged.file(), e);
      }
    }
  }

  /** The file, or null when it is missing. */
  public Path find(String directory, String name) {
    Path p = resolve(directory, name);
    return Files.isRegularFile(p) ? p : null;
  }

  /** Deletes a file once the current transaction has committed. */
  public void delete(String directory, String name) {
    afterCompletion(status -> status == Status.STATUS_COMMITTED, resolve(directory, name));
  }

  private void afterCompletion(IntPredicate when, Path file) {
    AfterTransaction.onCompletion(transactions, status -> {
      if (when.test(status)) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Could not delete " + file, e);
        }
      }
    });
  }

  /** A path inside the storage root; anything resolving outside it is refused. */
  Path resolve(String directory, String name) {
    Path base = Path.of(root).toAbsolutePath().normalize();
    Path p = base.resolve(trim(directory)).resolve(name).normalize();
    if (!p.startsWith(base) || p.equals(base)) {
      throw new IllegalArgumentException("Path outside the storage: " + directory + "/" + name);
    }
    return p;
  }

  private static String trim(String directory) {
    String d = directory == null ? "" : directory;
    while (d.startsWith("/")) {
      d = d.substring(1);
    }
    return d;
  }
}

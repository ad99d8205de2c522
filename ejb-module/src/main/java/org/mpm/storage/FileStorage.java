package org.mpm.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
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
 * transaction: a file written in a transaction that rolls back is removed again, and a file deleted in a
 * transaction is only removed once it has committed.
 */
@ApplicationScoped
public class FileStorage {

  private static final Logger LOG = Logger.getLogger(FileStorage.class.getName());

  @Inject
  @ConfigProperty(name = "mpm.storage.dir", defaultValue = "data/storage")
  String root;

  @Resource TransactionSynchronizationRegistry transactions;

  /** Writes a file (atomically: readers never see half of it); removed again if the transaction rolls back. */
  public void write(String directory, String name, byte[] content) {
    Path target = resolve(directory, name);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store " + target, e);
    }
    afterCompletion(status -> status != Status.STATUS_COMMITTED, target);
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

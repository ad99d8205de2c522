package org.mpm.common;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntConsumer;

/**
 * Work that waits for the end of the current JTA transaction: closing what the transaction used, forgetting
 * remembered values once a change has committed, removing files a rolled-back transaction wrote. Registered as an
 * interposed synchronization, so it runs after the transaction's resources have completed.
 */
public final class AfterTransaction {

  private AfterTransaction() {}

  /** Runs {@code action} with the transaction's outcome ({@link Status}) once it has completed, either way. */
  public static void onCompletion(TransactionSynchronizationRegistry transactions, IntConsumer action) {
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        action.accept(status);
      }
    });
  }

  /** Runs {@code action} once the transaction has committed; not at all when it rolls back. */
  public static void onCommit(TransactionSynchronizationRegistry transactions, Runnable action) {
    onCompletion(transactions, status -> {
      if (status == Status.STATUS_COMMITTED) {
        action.run();
      }
    });
  }
}

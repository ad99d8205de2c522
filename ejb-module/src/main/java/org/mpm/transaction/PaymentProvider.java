package org.mpm.transaction;

/**
 * A way money reaches the company (MPM's {@code ITransactionProvider}): the agent app, a cash desk, a mobile-money
 * aggregator. The {@link PaymentEngine} owns everything common to a payment (the {@code transactions} row, the
 * allocation, the vend, the SMS); a provider owns only its own table and its own rules. An implementation is an
 * {@code @ApplicationScoped} CDI bean found by {@link #morph()} through {@link PaymentProviders}; a plugin provider
 * (Paystack, M-Pesa …) adds a bean and a table and leaves the engine alone.
 *
 * <p>Every method runs inside the engine's tenant transaction and may use the tenant database; a refusal is
 * thrown as {@link PaymentRejectedException} and rolls the whole payment back, after which the engine keeps the
 * attempt as a rejected record through {@link #record} with {@link #STATUS_FAILED}.
 */
public interface PaymentProvider {

  /** The provider row's status while the payment is being processed. */
  int STATUS_PENDING = 0;
  /** The provider row's status once the payment is completed (MPM's {@code STATUS_SUCCESS}). */
  int STATUS_SUCCESS = 1;
  /** The provider row's status of a rejected or failed payment (MPM's {@code STATUS_FAILED}). */
  int STATUS_FAILED = -1;

  /** The morph alias of the provider's rows, {@code transactions.original_transaction_type}. */
  String morph();

  /** The table of the provider's rows (for the status updates the engine makes). */
  String table();

  /** {@code transactions.sender} for this payment: the payer's phone, {@code Agent-<id>}, {@code User-<id>}. */
  String sender(PaymentRequest request);

  /** Inserts the provider's row for the payment with this status and returns its id. */
  long record(PaymentRequest request, int status);

  /**
   * The provider's own rules and bookkeeping for the payment {@code transactionId}, last in its transaction: the
   * checks the engine cannot make (an agent's risk balance …) and what belongs to the moment the money is taken
   * (the agent's balance and commission). A lock taken here to keep a rule true under concurrency is held only
   * until the payment commits; a refusal ({@link PaymentRejectedException}) rolls back the whole payment.
   */
  default void accept(PaymentRequest request, long providerRowId, long transactionId) {}
}

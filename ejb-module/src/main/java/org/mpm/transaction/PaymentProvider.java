package org.mpm.transaction;

import java.util.List;

/**
 * A way money reaches the company (MPM's {@code ITransactionProvider}): the agent app, a cash desk, a mobile-money
 * aggregator. The {@link PaymentEngine} owns everything common to a payment (the {@code transactions} row, the
 * allocation, the vend, the SMS); a provider owns only its own table and its own rules. An implementation is an
 * {@code @ApplicationScoped} CDI bean found by {@link #morph()} through {@link PaymentProviders}; a plugin provider
 * (Paystack, M-Pesa …) adds a bean and a table and leaves the engine alone.
 *
 * <p>Every method runs inside the engine's tenant transaction and may use the tenant database. Payments arriving
 * together are accepted together (one transaction, a few statements for all): rows through {@link #recordAll},
 * rules and bookkeeping through {@link #admit}. A refusal is thrown as {@link PaymentRejectedException} by
 * {@link Admission#check} before anything of the payment is written; the engine then keeps the attempt as a
 * rejected record through {@link #record} with {@link #STATUS_FAILED}.
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

  /** Inserts the provider's rows for payments accepted together, with this status; their ids in order. */
  default List<Long> recordAll(List<PaymentRequest> requests, int status) {
    return requests.stream().map(r -> record(r, status)).toList();
  }

  /**
   * The provider's own rules and bookkeeping for payments being accepted together (often one), in their
   * transaction: it may lock what its rules need (an agent's row) here, and answers through the
   * {@link Admission} for each payment in turn. A lock taken here is held until the payments commit.
   */
  default Admission admit(List<PaymentRequest> requests) {
    return Admission.NONE;
  }

  /** A provider row written for an accepted payment and the {@code transactions} row that refers to it. */
  record Booked(PaymentRequest request, long providerRowId, long transactionId) {}

  /** The provider's part in accepting a set of payments. */
  interface Admission {

    /** A provider without rules or bookkeeping of its own. */
    Admission NONE = new Admission() {
      @Override
      public void check(PaymentRequest request) {}

      @Override
      public void book(List<Booked> booked) {}
    };

    /**
     * The checks the engine cannot make (an agent's risk balance …), for one payment, after the payments before it
     * in the set were admitted; a refusal ({@link PaymentRejectedException}) refuses this payment only.
     */
    void check(PaymentRequest request);

    /** What belongs to the moment the money is taken (an agent's balance and commission), for the admitted ones. */
    void book(List<Booked> booked);
  }
}

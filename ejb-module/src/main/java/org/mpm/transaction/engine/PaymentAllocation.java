package org.mpm.transaction.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How one payment is shared out (DESIGN.md's invariant 3): overdue installments first, oldest due first, each
 * paid in whole currency units (rates are integers); then the meter's access-rate debt, oldest first, with the
 * amount actually paid; what is left (the residual) buys energy. An allocation is worked out on debts read under
 * lock and taken off them only when its payment is accepted ({@link #apply()}), so that the next payment of the
 * same customer sees what is still open.
 */
public final class PaymentAllocation {

  /** A debt row read under lock: an appliance rate (whole units, with its due time) or an access-rate payment. */
  public static final class Debt {
    private final long id;
    private final long paidForId;
    private final LocalDateTime due;
    private BigDecimal open;
    private boolean touched;

    /**
     * @param id the row to update
     * @param paidForId what its {@code payment_histories} rows name as paid for
     * @param due when it falls due (installments; null for access-rate debt)
     * @param open what is still to pay
     */
    public Debt(long id, long paidForId, LocalDateTime due, BigDecimal open) {
      this.id = id;
      this.paidForId = paidForId;
      this.due = due;
      this.open = open;
    }

    public long id() {
      return id;
    }

    public BigDecimal open() {
      return open;
    }

    /** Whether an accepted payment paid some of it (its row is then written back). */
    public boolean touched() {
      return touched;
    }
  }

  /** A share of the payment that pays a debt: {@code installment} or {@code access rate}. */
  public record Part(BigDecimal amount, String type, String paidForType, long paidForId, Debt debt) {}

  private final List<Part> parts;
  private final BigDecimal residual;

  private PaymentAllocation(List<Part> parts, BigDecimal residual) {
    this.parts = parts;
    this.residual = residual;
  }

  /**
   * The allocation of {@code amount} paid at {@code at}: an installment is overdue when it fell due before the
   * start of that day.
   */
  public static PaymentAllocation of(BigDecimal amount, LocalDateTime at, List<Debt> installments,
      List<Debt> accessDebts) {
    List<Part> parts = new ArrayList<>();
    BigDecimal residual = amount;
    LocalDateTime dayStart = at.toLocalDate().atStartOfDay();
    for (Debt rate : installments) {
      BigDecimal whole = residual.setScale(0, RoundingMode.DOWN);
      if (whole.signum() <= 0) {
        break;
      }
      if (rate.open.signum() <= 0 || !rate.due.isBefore(dayStart)) {
        continue;
      }
      BigDecimal paid = rate.open.min(whole);
      parts.add(new Part(paid, "installment", "appliance_rate", rate.paidForId, rate));
      residual = residual.subtract(paid);
    }
    for (Debt debt : accessDebts) {
      if (residual.signum() <= 0) {
        break;
      }
      if (debt.open.signum() <= 0) {
        continue;
      }
      BigDecimal paid = debt.open.min(residual);
      parts.add(new Part(paid, "access rate", "access_rate", debt.paidForId, debt));
      residual = residual.subtract(paid);
    }
    return new PaymentAllocation(parts, residual);
  }

  /** The debts paid, in the order they were paid. */
  public List<Part> parts() {
    return parts;
  }

  /** What is left for energy (zero when the debts took everything). */
  public BigDecimal residual() {
    return residual;
  }

  /** Takes the parts off their debts: the payment is accepted. */
  public void apply() {
    for (Part part : parts) {
      part.debt.open = part.debt.open.subtract(part.amount);
      part.debt.touched = true;
    }
  }
}

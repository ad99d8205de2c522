package org.mpm.appliance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.appliance.ApplianceCatalog.Appliance;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.customer.PersonService;
import org.mpm.device.DeviceService;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.CashPaymentProvider;
import org.mpm.transaction.CashTransaction;
import org.mpm.transaction.InstallmentBooking;
import org.mpm.transaction.PaymentInitiators;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.engine.PaymentDebts;

/**
 * Selling an appliance and changing a sale (MPM's AppliancePersonController, ApplianceRateService and
 * ApplianceRateController): the sale with its rate schedule, its device bound to the customer and its cash down
 * payment booked by the payment pipeline as a payment of its own, all in one transaction; the remaining cost spread
 * again, one rate's cost changed, a sale deleted and its device released. Every change is logged as MPM logs it and
 * takes the customer's and the sale's locks first, as payments do, so a rate being paid is never rewritten: only
 * rates nothing was paid on change.
 */
@Stateless
public class ApplianceSales {

  @Inject TenantDatabase tenantDb;
  @Inject SaleRows rows;
  @Inject ApplianceCatalog catalog;
  @Inject PaymentDebts debts;
  @Inject InstallmentBooking booking;
  @Inject DeviceService devices;
  @Inject SaleViews views;

  /**
   * Who records a sale (its creator) and how its down payment arrives: a user of the console taking cash, or an
   * agent (the down payment is then a payment the agent took, an {@code agent_transaction}). A sale imported from
   * another installation has no provider: its down payment was paid there and is kept on the sale, booking nothing.
   */
  public record Seller(String creatorType, long creatorId, String provider, Map<String, Object> attributes) {

    public static Seller user(long userId) {
      return new Seller("users", userId, CashTransaction.MORPH, Map.of(CashPaymentProvider.USER_ID, userId));
    }

    /** A sale recorded by an import on behalf of this user. */
    public static Seller imported(long userId) {
      return new Seller("users", userId, null, Map.of());
    }

    boolean takesPayment() {
      return provider != null;
    }
  }

  /** A sale recorded, and the transaction of its down payment (null without one). */
  public record Sold(SaleRows.Sale sale, Long downPaymentTransactionId) {}

  /** Sells an appliance to a customer; answers the sale as MPM answers it. */
  public SaleRows.Sale sell(long applianceId, long personId, SaleForm f) {
    return sell(applianceId, personId, f, Seller.user(f.userId())).sale();
  }

  /** Sells an appliance to a customer on behalf of a user or an agent. */
  public Sold sell(long applianceId, long personId, SaleForm f, Seller seller) {
    Appliance appliance = catalog.appliance(applianceId);
    if (count("SELECT COUNT(*) FROM people WHERE id = ?", personId) == 0) {
      throw NotFoundException.model(PersonService.MODEL, personId);
    }
    boolean byUser = "users".equals(seller.creatorType());
    if (byUser && count("SELECT COUNT(*) FROM users WHERE id = ?", f.userId()) == 0) {
      throw ValidationException.field("user_id", "The selected user id is invalid.");
    }
    if (!PaymentInitiators.known(f.paymentProvider())) {
      throw ValidationException.field("payment_provider", "The selected payment provider is invalid.");
    }
    long cost = f.energyService() ? 0 : f.cost();
    if (!f.energyService() && f.downPayment() > cost) {
      throw ValidationException.field("down_payment", "The down payment may not be greater than the cost.");
    }
    debts.lockPeople(List.of(personId));
    String serial = f.deviceSerial() == null || f.deviceSerial().isBlank() ? null : f.deviceSerial();
    if (serial != null) {
      checkDevice(serial, personId);
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    // a sale recorded afterwards (demo data) is dated on the day its schedule counts from
    Timestamp soldAt = f.firstPaymentDate() == null || !byUser ? now
        : Timestamp.valueOf(f.firstPaymentDate().atTime(9, 0));
    long saleId = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO appliance_people (appliance_id, person_id,"
        + " total_cost, rate_count, creator_type, creator_id, created_at, updated_at, down_payment, device_serial,"
        + " payment_type, minimum_payable_amount, price_per_day, first_payment_date)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        List.<Object[]>of(new Object[] {applianceId, personId, (double) cost, f.energyService() ? 0 : f.rateCount(),
            seller.creatorType(), seller.creatorId(), soldAt, soldAt, (double) f.downPayment(), serial, f.paymentType(),
            f.energyService() ? f.minimumPayableAmount() : null, f.energyService() ? f.pricePerDay() : null,
            f.firstPaymentDate() == null ? null : Date.valueOf(f.firstPaymentDate())}))
        .get(0);
    // a down payment with a provider plugin is started once the sale is recorded: until it is confirmed it is owed
    boolean downPaymentOwed = f.downPayment() > 0 && f.paymentProvider() != PaymentInitiators.CASH;
    if (downPaymentOwed && !f.energyService()) {
      booking.openDownPayment(saleId, f.downPayment(), soldAt.toLocalDateTime());
    }
    if (!f.energyService()) {
      if (byUser && seller.takesPayment() && cost != appliance.price()) {
        String currency = rows.currency();
        rows.log(SaleRows.SALE_MODEL, saleId, f.userId(), "Appliance is sold to " + cost + " " + currency
            + " instead of Preferred Price (" + appliance.price() + " " + currency + ")");
      }
      insertRates(saleId, RateSchedule.plan(cost - f.downPayment(), f.rateCount(), f.rateType(),
          f.firstPaymentDate() == null ? LocalDate.now(ZoneOffset.UTC) : f.firstPaymentDate()));
    }
    if (serial != null) {
      em().createNativeQuery("UPDATE devices SET person_id = ?, updated_at = ? WHERE device_serial = ?")
          .setParameter(1, personId).setParameter(2, now).setParameter(3, serial).executeUpdate();
      if (f.latitude() != null && f.longitude() != null) {
        devices.updateGeoInformation(List.of(new DeviceService.GeoUpdate(serial, f.latitude(), f.longitude())));
      }
    }
    Long txId = null;
    if (f.downPayment() > 0 && seller.takesPayment() && !downPaymentOwed) {
      InstallmentBooking.Sale sale = booking.lock(saleId);
      LocalDateTime paidAt = f.firstPaymentDate() == null || !byUser ? null : soldAt.toLocalDateTime();
      Map<String, Object> attributes = new HashMap<>(seller.attributes());
      attributes.put(InstallmentBooking.SALE_ID, saleId);
      txId = booking.bookDownPayment(new PaymentRequest(seller.provider(), serial,
          BigDecimal.valueOf(f.downPayment()), null, null, null, attributes, paidAt), sale, f.downPayment());
    }
    return new Sold(rows.sale(saleId), txId);
  }

  /**
   * A new total cost (MPM's recomputeRatesFromTotalCost): what is left after the payments made is spread over the
   * rates nothing was paid on, or — with a rate count — those rates are replaced by a new schedule continuing after
   * the last rate paid on. Answers the sale's detail.
   */
  public SaleViews.SaleView updateTotalCost(long saleId, long newTotal, Integer rateCount, String rateType,
      long userId) {
    InstallmentBooking.Sale locked = booking.lock(saleId);
    SaleRows.Sale sale = rows.sale(saleId);
    List<SaleRows.Rate> rates = rows.ratesOf(List.of(saleId)).getOrDefault(saleId, List.of());
    long paid = rates.stream().mapToLong(r -> r.rateCost() - r.remaining()).sum();
    if (newTotal < paid) {
      throw ValidationException.field("new_total_cost", "New total cannot be lower than the amount already paid");
    }
    long outstanding = newTotal - paid;
    List<SaleRows.Rate> unpaid = rates.stream().filter(r -> r.rateCost() == r.remaining()).toList();
    List<SaleRows.Rate> kept = rates.stream().filter(r -> r.rateCost() != r.remaining()).toList();
    if (kept.stream().anyMatch(r -> r.remaining() > 0)) {
      // A rate paid in part keeps its open part: it is outstanding already.
      outstanding -= kept.stream().mapToLong(SaleRows.Rate::remaining).sum();
      if (outstanding < 0) {
        throw ValidationException.field("new_total_cost", "New total cannot be lower than the amount already paid"
            + " and the open part of the rates paid in part");
      }
    }
    int newCount = sale.rateCount();
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    if (rateCount == null) {
      if (unpaid.isEmpty() && outstanding > 0) {
        throw ValidationException.field("new_total_cost",
            "All rates are paid or partially paid; edit individual rates instead");
      }
      List<Long> costs = RateSchedule.split(outstanding, unpaid.size());
      for (int i = 0; i < unpaid.size(); i++) {
        em().createNativeQuery("UPDATE appliance_rates SET rate_cost = ?, remaining = ?, updated_at = ? WHERE id = ?"
                + " AND rate_cost = remaining").setParameter(1, costs.get(i)).setParameter(2, costs.get(i))
            .setParameter(3, now).setParameter(4, unpaid.get(i).id()).executeUpdate();
      }
    } else {
      LocalDate anchor = kept.stream().map(r -> r.dueDate().toLocalDate()).max(LocalDate::compareTo)
          .orElse(sale.firstPaymentDate() != null ? sale.firstPaymentDate() : LocalDate.now(ZoneOffset.UTC));
      for (SaleRows.Rate r : unpaid) {
        em().createNativeQuery("DELETE FROM appliance_rates WHERE id = ? AND rate_cost = remaining")
            .setParameter(1, r.id()).executeUpdate();
      }
      String type = rateType == null ? RateSchedule.MONTHLY : rateType;
      if (outstanding > 0) {
        insertRates(saleId, RateSchedule.plan(outstanding, rateCount, type, anchor));
        newCount = kept.size() + rateCount;
      } else {
        newCount = kept.size();
      }
    }
    em().createNativeQuery("UPDATE appliance_people SET total_cost = ?, rate_count = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, (double) newTotal).setParameter(2, newCount).setParameter(3, now).setParameter(4, saleId)
        .executeUpdate();
    String currency = rows.currency();
    String action = "User " + rows.userName(userId) + " updated Total cost from " + (long) sale.totalCost() + " "
        + currency + " to " + newTotal + " " + currency;
    if (rateCount != null) {
      action += " and rescheduled the outstanding balance into " + rateCount + " "
          + (rateType == null ? RateSchedule.MONTHLY : rateType) + " installments";
    }
    rows.log(SaleRows.SALE_MODEL, locked.id(), userId, action);
    return views.detail(saleId);
  }

  /**
   * Changes the cost of a rate nothing was paid on (MPM's ApplianceRateController): 0 deletes it; the sale's total
   * follows. Answers the rate.
   */
  public SaleRows.Rate updateRate(long rateId, long newCost, long adminId) {
    SaleRows.Rate before = rows.rate(rateId);
    booking.lock(before.appliancePersonId());
    SaleRows.Rate rate = rows.rate(rateId);
    if (rate.rateCost() != rate.remaining()) {
      throw ValidationException.field("rate", "Cannot modify a rate that has been paid or partially paid");
    }
    String currency = rows.currency();
    String due = rate.dueDate().toLocalDate().format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    long saleId = rate.appliancePersonId();
    if (newCost == 0) {
      em().createNativeQuery("DELETE FROM appliance_rates WHERE id = ?").setParameter(1, rateId).executeUpdate();
      em().createNativeQuery("UPDATE appliance_people SET rate_count = rate_count - 1 WHERE id = ?")
          .setParameter(1, saleId).executeUpdate();
      rows.log(SaleRows.SALE_MODEL, saleId, adminId, "Appliance rate " + due + " deleted. From " + rate.rateCost()
          + " " + currency + " to " + newCost + " " + currency);
    } else {
      rows.log(SaleRows.SALE_MODEL, saleId, adminId, "Appliance rate " + due + " cost updated. From "
          + rate.rateCost() + " " + currency + " to " + newCost + " " + currency);
      em().createNativeQuery("UPDATE appliance_rates SET rate_cost = ?, remaining = ?, updated_at = ? WHERE id = ?")
          .setParameter(1, newCost).setParameter(2, newCost).setParameter(3, now).setParameter(4, rateId)
          .executeUpdate();
    }
    em().createNativeQuery("UPDATE appliance_people SET total_cost = total_cost + ?, updated_at = ? WHERE id = ?")
        .setParameter(1, newCost - rate.rateCost()).setParameter(2, now).setParameter(3, saleId).executeUpdate();
    return newCost == 0 ? rate : rows.rate(rateId);
  }

  /**
   * Deletes a sale (soft, as MPM) and releases its device; its rates and the payments made on them stay as they
   * are. Answers the sale's detail.
   */
  public SaleViews.SaleView delete(long saleId, long userId) {
    InstallmentBooking.Sale sale = booking.lock(saleId);
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    if (sale.deviceSerial() != null && !sale.deviceSerial().isEmpty()) {
      em().createNativeQuery("UPDATE devices SET person_id = NULL, updated_at = ? WHERE device_serial = ?")
          .setParameter(1, now).setParameter(2, sale.deviceSerial()).executeUpdate();
    }
    rows.log(SaleRows.SALE_MODEL, saleId, userId, "User " + rows.userName(userId) + " deleted the sold appliance");
    em().createNativeQuery("UPDATE appliance_people SET deleted_at = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, now).setParameter(2, now).setParameter(3, saleId).executeUpdate();
    return views.detail(saleId);
  }

  /** The device must exist, be nobody else's and not be on a sale that is not deleted. */
  private void checkDevice(String serial, long personId) {
    List<?> found = em().createNativeQuery("SELECT id, person_id FROM devices WHERE device_serial = ? FOR UPDATE")
        .setParameter(1, serial).getResultList();
    if (found.isEmpty()) {
      throw ValidationException.field("device_serial", "The selected device serial is invalid.");
    }
    Object owner = ((Object[]) found.get(0))[1];
    if (owner != null && ((Number) owner).longValue() != personId) {
      throw ValidationException.field("device_serial", "The device " + serial + " belongs to another customer.");
    }
    if (count("SELECT COUNT(*) FROM appliance_people WHERE device_serial = ? AND deleted_at IS NULL", serial) > 0) {
      throw ValidationException.field("device_serial", "The device " + serial + " is already sold.");
    }
  }

  private void insertRates(long saleId, List<RateSchedule.Planned> plan) {
    if (plan.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    List<Object[]> values = new ArrayList<>();
    for (RateSchedule.Planned p : plan) {
      values.add(new Object[] {saleId, p.cost(), p.cost(), Timestamp.valueOf(p.due().atStartOfDay()), now, now});
    }
    NativeSql.insertRows(tenantDb.connection(), "INSERT INTO appliance_rates (appliance_person_id, rate_cost,"
        + " remaining, due_date, remind, created_at, updated_at)", "(?, ?, ?, ?, 0, ?, ?)", values);
  }

  private long count(String sql, Object... params) {
    var q = em().createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return ((Number) q.getSingleResult()).longValue();
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}

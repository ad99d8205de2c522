package org.mpm.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Timestamped;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeRequest;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeResult;
import org.mpm.device.manufacturer.OpenPaygoDevices;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.engine.InstallmentRules;
import org.mpm.transaction.engine.InstallmentRules.Paid;
import org.mpm.transaction.engine.InstallmentRules.Rate;
import org.mpm.transaction.engine.PaymentDebts;
import org.mpm.transaction.engine.PaymentRows;

/**
 * Books a payment on an appliance sale (MPM's ApplianceTransactionProcessor and the sale's down payment) in the
 * caller's tenant transaction: the provider row, a {@code transactions} row of its own ({@code down_payment},
 * {@code deferred_payment} or {@code eaas_rate}; {@code message} = the device serial, else the sale's id), what it
 * pays on the sale's rates with one {@code payment_histories} row per rate, and — for a PAYG appliance whose device
 * has a local integration — the token: the days the money buys, or the unlock once the plan is paid off. The
 * sale's customer and the sale are locked first, in the order every payment locks them, so the rates paid always
 * add up to the payments booked on them.
 */
@ApplicationScoped
public class InstallmentBooking {

  private static final Logger LOG = Logger.getLogger(InstallmentBooking.class.getName());

  /** {@code payment_type} of an energy-service sale. */
  public static final String ENERGY_SERVICE = "energy_service";
  /** The attribute of a {@link PaymentRequest} naming the sale ({@code appliance_people.id}). */
  public static final String SALE_ID = "appliance_person_id";
  /**
   * The {@code transactions.type} and history type of a down payment; as an attribute of a {@link PaymentRequest}
   * (any value), the payment is the sale's down payment started with a provider: booked on its open rate as one.
   */
  public static final String DOWN_PAYMENT = "down_payment";

  @Inject TenantDatabase tenantDb;
  @Inject PaymentProviders providers;
  @Inject PaymentDebts debts;
  @Inject DeviceService devices;
  @Inject OpenPaygoDevices openPaygo;
  @Inject TokenRecorder tokens;

  /** A sale as a payment needs it, read under lock. */
  public record Sale(long id, long personId, String deviceSerial, String paymentType, Long minimumPayable,
      Long pricePerDay, boolean paygo) {

    public boolean energyService() {
      return ENERGY_SERVICE.equals(paymentType);
    }

    /** {@code transactions.message}: the device's serial, else the sale's id (MPM). */
    public String message() {
      return deviceSerial == null || deviceSerial.isEmpty() ? Long.toString(id) : deviceSerial;
    }
  }

  /**
   * Locks the sale's customer, then the sale (404 when it does not exist or was deleted); one payment or change of a
   * customer's sales at a time.
   */
  public Sale lock(long saleId) {
    List<?> person = em().createNativeQuery("SELECT person_id FROM appliance_people WHERE id = ?")
        .setParameter(1, saleId).getResultList();
    if (person.isEmpty()) {
      throw new NotFoundException("No query results for model [App\\Models\\AppliancePerson] " + saleId);
    }
    debts.lockPeople(List.of(((Number) person.get(0)).longValue()));
    // the sale's row only: the catalogue's rows are read without a lock, so sales of one appliance do not queue
    Object[] r = (Object[]) em().createNativeQuery("SELECT id, person_id, device_serial, payment_type,"
            + " minimum_payable_amount, price_per_day, appliance_id, deleted_at FROM appliance_people WHERE id = ?"
            + " FOR UPDATE").setParameter(1, saleId).getSingleResult();
    if (r[7] != null) {
      throw new NotFoundException("No query results for model [App\\Models\\AppliancePerson] " + saleId);
    }
    List<?> paygo = em().createNativeQuery("SELECT t.paygo_enabled FROM appliances a JOIN appliance_types t"
        + " ON t.id = a.appliance_type_id WHERE a.id = ?").setParameter(1, r[6]).getResultList();
    boolean isPaygo = !paygo.isEmpty() && paygo.get(0) != null && (paygo.get(0) instanceof Boolean b ? b
        : ((Number) paygo.get(0)).intValue() != 0);
    return new Sale(saleId, ((Number) r[1]).longValue(), (String) r[2], (String) r[3], longOrNull(r[4]),
        longOrNull(r[5]), isPaygo);
  }

  /**
   * The sale locked and the amount checked against its rates as a payment on it is checked (404 for no such sale,
   * 422 for an amount MPM refuses); what a payment provider checks before it asks the customer for the money.
   */
  public Sale payable(long saleId, BigDecimal amount) {
    Sale sale = lock(saleId);
    InstallmentRules.checkAmount(sale.energyService(), sale.minimumPayable(), rates(sale.id()), amount);
    return sale;
  }

  /**
   * A sale's down payment to be paid with a provider: an open rate of its own, due at the sale, so that the rates
   * still add up to the cost until the provider confirms it (the first payment then pays it).
   */
  public long openDownPayment(long saleId, long amount, LocalDateTime due) {
    return insertRate(saleId, amount, amount, due);
  }

  /** The phone of a customer's primary address (MPM's payer of an appliance payment); {@code -} without one. */
  public String phone(long personId) {
    List<?> phones = em().createNativeQuery("SELECT phone FROM addresses WHERE owner_type = 'person' AND owner_id = ?"
        + " AND is_primary = 1 ORDER BY id LIMIT 1").setParameter(1, personId).getResultList();
    return phones.isEmpty() || phones.get(0) == null ? "-" : (String) phones.get(0);
  }

  /** The sale's rates under lock, in schedule order. */
  public List<Rate> rates(long saleId) {
    List<Rate> out = new ArrayList<>();
    for (Object o : em().createNativeQuery("SELECT id, rate_cost, remaining, due_date FROM appliance_rates"
        + " WHERE appliance_person_id = ? ORDER BY due_date, id FOR UPDATE").setParameter(1, saleId)
        .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new Rate(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
          r[3] instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) r[3]));
    }
    return out;
  }

  /**
   * Books a down payment of a sale (locked by the caller): a rate of its own, paid in full and due now (MPM's
   * createPaidRate), and its {@code down_payment} history. Returns the transaction's id.
   */
  public long bookDownPayment(PaymentRequest r, Sale sale, long amount) {
    PaymentProvider provider = providers.get(r.provider());
    LocalDateTime at = at(r);
    long rowId = provider.record(r, PaymentProvider.STATUS_SUCCESS);
    long txId = transaction(provider, r, rowId, amount, DOWN_PAYMENT, sale, at);
    long rateId = insertRate(sale.id(), amount, 0, at);
    history(provider, r, txId, BigDecimal.valueOf(amount), DOWN_PAYMENT, rateId, sale.personId(), at);
    RevenueSummary.booked(em(), provider, List.of(rowId));
    return txId;
  }

  /**
   * Books an installment (or energy-service) payment whose amount the caller checked against {@code rates}: the
   * rates paid oldest first (an energy-service payment is a paid rate of its own) and the token of a PAYG device.
   * Returns the transaction and whether work was queued (a confirmation to send).
   */
  public PaymentEngine.Accepted bookInstallment(PaymentRequest r, Sale sale, List<Rate> rates, BigDecimal amount) {
    PaymentProvider provider = providers.get(r.provider());
    LocalDateTime at = at(r);
    BigDecimal dailyPrice = InstallmentRules.dailyPrice(sale.energyService(), sale.pricePerDay(), rates);
    boolean down = r.attributes().containsKey(DOWN_PAYMENT);
    long rowId = provider.record(r, PaymentProvider.STATUS_PENDING);
    long txId = transaction(provider, r, rowId, amount.doubleValue(),
        down ? DOWN_PAYMENT : sale.energyService() ? "eaas_rate" : "deferred_payment", sale, at);
    boolean paidOff = false;
    if (sale.energyService()) {
      long rateId = insertRate(sale.id(), amount.longValue(), 0, at);
      history(provider, r, txId, amount, down ? DOWN_PAYMENT : "eaas_rate", rateId, sale.personId(), at);
    } else {
      List<Paid> paid = InstallmentRules.pay(rates, amount.longValueExact());
      Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
      for (Paid p : paid) {
        em().createNativeQuery("UPDATE appliance_rates SET remaining = remaining - ?, updated_at = ? WHERE id = ?")
            .setParameter(1, p.amount()).setParameter(2, now).setParameter(3, p.rate().id()).executeUpdate();
        history(provider, r, txId, BigDecimal.valueOf(p.amount()), down ? DOWN_PAYMENT : "installment",
            p.rate().id(), sale.personId(), at);
      }
      paidOff = InstallmentRules.remaining(rates) == amount.longValueExact();
    }
    Optional<TokenRecorder.Vend> vend = token(provider, r, sale, rowId, txId, amount, dailyPrice, paidOff, at);
    if (vend.isPresent()) {
      return new PaymentEngine.Accepted(txId, false, tokens.record(List.of(vend.get()), Timestamped.nowUtc()));
    }
    PaymentRows.setProviderStatus(em(), provider, List.of(rowId), PaymentProvider.STATUS_SUCCESS, at);
    return new PaymentEngine.Accepted(txId, false, false);
  }

  /**
   * The token of a PAYG appliance's device with a local integration: unlock (OpenPAYGO DISABLE_PAYG) when the
   * payment paid the plan off, else the days it buys at the plan's daily price. Empty for an appliance without a
   * device, not PAYG, or an integration that cannot issue it here (the payment is booked without a token).
   */
  private Optional<TokenRecorder.Vend> token(PaymentProvider provider, PaymentRequest r, Sale sale, long rowId,
      long txId, BigDecimal amount, BigDecimal dailyPrice, boolean paidOff, LocalDateTime at) {
    if (!sale.paygo() || sale.deviceSerial() == null || sale.deviceSerial().isEmpty()) {
      return Optional.empty();
    }
    DeviceService.BySerial found = devices.bySerials(List.of(sale.deviceSerial()));
    Device device = found.devices().get(sale.deviceSerial());
    ManufacturerApi api = device == null ? null : found.apis().get(device.getId());
    if (api == null || !api.chargesInTransaction()) {
      LOG.fine(() -> "No token for sale " + sale.id() + ": its device has no local integration");
      return Optional.empty();
    }
    ChargeResult result;
    if (paidOff) {
      result = api.unlock(device);
    } else {
      if (dailyPrice == null) {
        return Optional.empty();
      }
      if (openPaygo.find(device.getId()).isPresent()) {
        openPaygo.updateDailyPrice(device.getId(), dailyPrice.setScale(2, RoundingMode.HALF_UP));
      }
      result = api.charge(new ChargeRequest(device, amount.doubleValue(), txId));
    }
    return Optional.of(new TokenRecorder.Vend(txId, provider.morph(), rowId, provider.sender(r),
        amount.doubleValue(), null, device, result, at));
  }

  private long transaction(PaymentProvider provider, PaymentRequest r, long rowId, double amount, String type,
      Sale sale, LocalDateTime at) {
    Timestamp ts = Timestamp.valueOf(at);
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO transactions (original_transaction_id,"
        + " original_transaction_type, amount, type, sender, message, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(new Object[] {rowId, provider.morph(), amount, type,
            provider.sender(r), sale.message(), ts, ts})).get(0);
  }

  private long insertRate(long saleId, long cost, long remaining, LocalDateTime due) {
    Timestamp ts = Timestamp.valueOf(due);
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO appliance_rates (appliance_person_id, rate_cost,"
        + " remaining, due_date, remind, created_at, updated_at)", "(?, ?, ?, ?, 0, ?, ?)",
        List.<Object[]>of(new Object[] {saleId, cost, remaining, ts, ts, ts})).get(0);
  }

  private void history(PaymentProvider provider, PaymentRequest r, long txId, BigDecimal amount, String type,
      long rateId, long personId, LocalDateTime at) {
    NativeSql.insertRows(tenantDb.connection(), PaymentRows.HISTORY_INSERT, PaymentRows.HISTORY_ROW,
        List.<Object[]>of(PaymentRows.historyRow(txId, provider.morph(), provider.sender(r), amount, type,
            "appliance_rate", rateId, personId, at)));
  }

  private static LocalDateTime at(PaymentRequest r) {
    return r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt();
  }

  private static Long longOrNull(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}

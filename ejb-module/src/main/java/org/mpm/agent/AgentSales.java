package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.appliance.ApplianceCatalog.Appliance;
import org.mpm.appliance.ApplianceSales;
import org.mpm.appliance.ApplianceSales.Seller;
import org.mpm.appliance.SaleForm;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentRejectedException;

/**
 * An agent selling an appliance assigned to it (MPM's AgentSoldApplianceService::processSaleFromRequest): the
 * appliance sale at the assigned cost with the agent as its creator, its down payment an agent transaction, and on
 * the agent's ledger, under the lock on its row, the down payment taken ({@code agent_appliance}) and the
 * commission credited ({@code agent_commission}, cost × the plan's appliance commission), then the
 * {@code agent_sold_appliances} row. A sale that would leave the agent holding more than its risk balance is
 * refused (403 "Risk balance exceeded") and nothing is written.
 */
@Stateless
public class AgentSales {

  /** MPM's ApplianceType::APPLIANCE_TYPE_SHS: such a sale needs its device. */
  public static final long SHS_TYPE = 1;
  public static final String ASSIGNED_MORPH = "agent_appliance";

  @Inject TenantDatabase tenantDb;
  @Inject ApplianceSales sales;
  @Inject ApplianceCatalog catalog;
  @Inject AgentCustomers customers;

  /** The app's sale form (MPM's CreateAgentSoldApplianceRequest), read and bounded by the route. */
  public record AgentSale(long personId, long assignedId, String paymentType, String rateType, long downPayment,
      int tenure, LocalDate firstPaymentDate, String deviceSerial, Double latitude, Double longitude,
      Long minimumPayableAmount, Long pricePerDay) {}

  /** The {@code agent_sold_appliances} row written. */
  public record SoldRow(long id, long personId, long assignedId, LocalDateTime createdAt) {}

  public SoldRow sell(long agentId, long miniGridId, AgentSale s) {
    List<?> assigned = em().createNativeQuery("SELECT appliance_id, cost FROM agent_assigned_appliances"
        + " WHERE id = ? AND agent_id = ?").setParameter(1, s.assignedId()).setParameter(2, agentId).getResultList();
    if (assigned.isEmpty()) {
      throw ValidationException.field("agent_assigned_appliance_id",
          "The selected agent assigned appliance id is invalid.");
    }
    Object[] row = (Object[]) assigned.get(0);
    long applianceId = ((Number) row[0]).longValue();
    BigDecimal cost = new BigDecimal(row[1].toString());
    Appliance appliance = catalog.appliance(applianceId);
    String serial = s.deviceSerial() == null || s.deviceSerial().isBlank() ? null : s.deviceSerial();
    if (serial == null && appliance.applianceTypeId() == SHS_TYPE) {
      throw ValidationException.field("device_serial", "Device serial is required for solar home system sales.");
    }
    if (!customers.inMiniGrid(miniGridId, s.personId())) {
      throw ValidationException.field("person_id", "The selected person id is invalid.");
    }
    if (serial != null && !deviceOf(serial, applianceId)) {
      throw ValidationException.field("device_serial", "The selected device serial is invalid.");
    }
    boolean energyService = "energy_service".equals(s.paymentType());
    long price = cost.setScale(0, RoundingMode.HALF_UP).longValue();
    if (!energyService && s.downPayment() > price) {
      throw ValidationException.field("down_payment", "Down payment is bigger than amount");
    }
    if (!energyService && s.tenure() == 0 && price > s.downPayment()) {
      throw ValidationException.field("tenure", "The tenure field must be at least 1 when a cost is left after the"
          + " down payment.");
    }
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(AgentPaymentProvider.AGENT_ID, agentId);
    ApplianceSales.Sold sold = sales.sell(applianceId, s.personId(), new SaleForm(0, energyService
        ? "energy_service" : "installment", price, s.tenure(), s.rateType() == null ? "monthly" : s.rateType(),
        s.downPayment(), serial, s.latitude(), s.longitude(), 0, s.minimumPayableAmount(), s.pricePerDay(),
        s.firstPaymentDate()), new Seller(Agent.MORPH, agentId, AgentTransaction.MORPH, attributes));
    book(agentId, s.assignedId(), BigDecimal.valueOf(s.downPayment()), cost, sold.downPaymentTransactionId());
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    long id = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO agent_sold_appliances (person_id,"
        + " agent_assigned_appliance_id, created_at, updated_at)", "(?, ?, ?, ?)",
        List.<Object[]>of(new Object[] {s.personId(), s.assignedId(), now, now})).get(0);
    return new SoldRow(id, s.personId(), s.assignedId(), now.toLocalDateTime());
  }

  /** The down payment taken and the commission credited, under the lock on the agent's row. */
  private void book(long agentId, long assignedId, BigDecimal downPayment, BigDecimal cost, Long transactionId) {
    Object[] a = (Object[]) em().createNativeQuery("SELECT a.balance, a.commission_revenue, a.agent_commission_id,"
        + " c.risk_balance, c.appliance_commission FROM agents a LEFT JOIN agent_commissions c"
        + " ON c.id = a.agent_commission_id WHERE a.id = ? FOR UPDATE").setParameter(1, agentId).getSingleResult();
    BigDecimal balance = decimal(a[0]);
    BigDecimal revenue = decimal(a[1]);
    long planId = ((Number) a[2]).longValue();
    if (a[3] == null) {
      throw new PaymentRejectedException(403, null, "The agent has no commission plan.");
    }
    if (downPayment.subtract(balance).compareTo(decimal(a[3])) > 0) {
      throw new PaymentRejectedException(403, null, "Risk balance exceeded");
    }
    BigDecimal commission = cost.multiply(new BigDecimal(a[4].toString())).setScale(2, RoundingMode.HALF_UP);
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    NativeSql.insertRows(tenantDb.connection(), "INSERT INTO agent_balance_histories (agent_id, trigger_type,"
        + " trigger_id, amount, available_balance, transaction_id, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?)", List.of(
            new Object[] {agentId, ASSIGNED_MORPH, assignedId, downPayment.negate().doubleValue(),
                balance.doubleValue(), transactionId, now, now},
            new Object[] {agentId, AgentCommission.MORPH, planId, commission.doubleValue(), revenue.doubleValue(),
                transactionId, now, now}));
    em().createNativeQuery("UPDATE agents SET balance = ?, commission_revenue = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, balance.subtract(downPayment)).setParameter(2, revenue.add(commission))
        .setParameter(3, now).setParameter(4, agentId).executeUpdate();
  }

  /** Whether the serial is a solar home system's or e-bike's device of this appliance. */
  private boolean deviceOf(String serial, long applianceId) {
    return !em().createNativeQuery("SELECT d.id FROM devices d LEFT JOIN solar_home_systems s ON d.device_type ="
        + " 'solar_home_system' AND s.id = d.device_id LEFT JOIN e_bikes e ON d.device_type = 'e_bike'"
        + " AND e.id = d.device_id WHERE d.device_serial = ? AND COALESCE(s.appliance_id, e.appliance_id) = ?")
        .setParameter(1, serial).setParameter(2, applianceId).getResultList().isEmpty();
  }

  private static BigDecimal decimal(Object v) {
    return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}

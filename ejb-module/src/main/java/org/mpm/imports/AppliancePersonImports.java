package org.mpm.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.appliance.ApplianceSales;
import org.mpm.appliance.SaleForm;
import org.mpm.tenancy.TenantDatabase;

/**
 * MPM's AppliancePersonImportService, in one transaction: each row becomes a sale recorded through the appliance
 * sale ({@link ApplianceSales#sell} with {@link ApplianceSales.Seller#imported}) — its rate schedule over the cost
 * less the down payment, its device bound to the customer. The down payment was paid where the sale was made: it is
 * kept on the sale and books no money here (the exported transactions carry the payments). A row whose customer,
 * appliance or device is not there, whose device is already on a sale (an import run again) or whose terms do not
 * make a schedule fails on its own; the other rows stand.
 */
@Stateless
public class AppliancePersonImports {

  @Inject TenantDatabase tenantDb;
  @Inject ApplianceSales sales;

  public ImportResult importAll(List<AppliancePersonItem> items) {
    ImportSql sql = new ImportSql(tenantDb.connection());
    ImportResult result = new ImportResult("AppliancePerson records imported successfully",
        "All AppliancePerson imports failed");
    for (AppliancePersonItem item : items) {
      String surname = item.customerSurname() == null ? "" : item.customerSurname();
      Long personId = sql.id("SELECT id FROM people WHERE name = ? AND (surname = ? OR (? = '' AND surname IS NULL))"
          + " AND deleted_at IS NULL ORDER BY id LIMIT 1", item.customerName(), surname, surname);
      if (personId == null) {
        result.failed("name", item.label(), Map.of("customer", "Customer '" + item.label()
            + "' was not found; import the customer first"));
        continue;
      }
      Long applianceId = sql.id("SELECT id FROM appliances WHERE name = ? ORDER BY id LIMIT 1", item.applianceName());
      if (applianceId == null) {
        result.failed("name", item.label(), Map.of("appliance", "Appliance '" + item.applianceName()
            + "' was not found; import the appliance first"));
        continue;
      }
      String serial = item.deviceSerial() == null || item.deviceSerial().isBlank() ? null : item.deviceSerial();
      String deviceError = serial == null ? null : deviceError(sql, serial, personId);
      if (deviceError != null) {
        result.failed("name", item.label(), Map.of("device_serial", deviceError));
        continue;
      }
      boolean energy = item.energyService();
      long cost = item.totalCost() == null ? 0 : item.totalCost();
      int count = item.rateCount() == null ? 0 : item.rateCount();
      long down = item.downPayment() == null ? 0 : item.downPayment();
      if (!energy && (cost <= 0 || count < 1)) {
        result.failed("name", item.label(), Map.of("installment",
            "An installment payment_type requires a positive total_cost and a rate_count of at least 1"));
        continue;
      }
      if (!energy && down > cost) {
        result.failed("name", item.label(), Map.of("down_payment", "The down payment may not be greater than the"
            + " total cost."));
        continue;
      }
      SaleForm form = new SaleForm(item.importedBy(), energy ? "energy_service" : "installment", cost, count,
          item.rateType() == null ? "monthly" : item.rateType(), down, serial, null, null, 0,
          energy ? item.minimumPayableAmount() : null, energy ? item.pricePerDay() : null, item.firstPaymentDate());
      long saleId = sales.sell(applianceId, personId, form, ApplianceSales.Seller.imported(item.importedBy()))
          .sale().id();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", saleId);
      row.put("customer", item.label());
      row.put("appliance", item.applianceName());
      row.put("device_serial", serial);
      result.added(row);
    }
    return result;
  }

  /** Why the device cannot go with this sale, or null: it must exist, be nobody else's and be on no sale. */
  private static String deviceError(ImportSql sql, String serial, long personId) {
    if (sql.id("SELECT id FROM appliance_people WHERE device_serial = ? AND deleted_at IS NULL LIMIT 1", serial)
        != null) {
      return "An AppliancePerson already exists for device '" + serial + "'";
    }
    Object[] device = sql.row("SELECT id, person_id FROM devices WHERE device_serial = ?", serial);
    if (device == null) {
      return "Device '" + serial + "' was not found; import the devices first";
    }
    if (device[1] != null && ((Number) device[1]).longValue() != personId) {
      return "Device '" + serial + "' belongs to another customer";
    }
    return null;
  }
}

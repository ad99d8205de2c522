package org.mpm.appliance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mpm.appliance.ApplianceCatalog.Appliance;
import org.mpm.appliance.SaleRows.Log;
import org.mpm.appliance.SaleRows.Rate;
import org.mpm.appliance.SaleRows.Sale;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.customer.PersonService;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.engine.InstallmentRules;

/**
 * What the console reads of appliance sales (MPM's AppliancePersonService): a customer's sales with their appliance,
 * rates and logs; a sale's detail with its device, what was paid and what is left, and whether it is paid monthly or
 * weekly; a sale's rates and logs page by page.
 */
@Stateless
public class SaleViews {

  @Inject TenantDatabase tenantDb;
  @Inject SaleRows rows;
  @Inject ApplianceCatalog catalog;
  @Inject DeviceService devices;

  /** A rate with its logs. */
  public record RateView(Rate rate, List<Log> logs) {}

  /**
   * A sale with its appliance, rates (each with its logs), its logs (with their users), its device (null without
   * one), what is left and what was paid on its rates, and its rate type.
   */
  public record SaleView(Sale sale, Appliance appliance, List<RateView> rates, List<Log> logs, Device device,
      long totalRemainingAmount, long totalPayments, String rateType) {}

  /** A customer's sales, deleted ones included; 404 when there is no such customer. */
  public List<SaleView> ofPerson(long personId) {
    List<?> person = tenantDb.em().createNativeQuery("SELECT id FROM people WHERE id = ?").setParameter(1, personId)
        .getResultList();
    if (person.isEmpty()) {
      throw NotFoundException.model(PersonService.MODEL, personId);
    }
    return views(rows.salesOf(personId), false);
  }

  /** A sale's detail (also a deleted one). */
  public SaleView detail(long saleId) {
    return views(List.of(rows.sale(saleId)), true).get(0);
  }

  /** A page of a sale's rates, oldest due first, each with its logs. */
  public Page<RateView> rates(long saleId, int page, int size) {
    rows.sale(saleId);
    List<Rate> rates = rows.ratesPage(saleId, page, size);
    Map<Long, List<Log>> logs = rows.logsOf(SaleRows.RATE_MORPH, rates.stream().map(Rate::id).toList());
    return new Page<>(rates.stream().map(r -> new RateView(r, logs.getOrDefault(r.id(), List.of()))).toList(), page,
        size, rows.rateCount(saleId));
  }

  /** A page of a sale's logs, newest first. */
  public Page<Log> logs(long saleId, int page, int size) {
    rows.sale(saleId);
    return new Page<>(rows.logsPage(saleId, page, size), page, size, rows.logCount(saleId));
  }

  private List<SaleView> views(List<Sale> sales, boolean withDevice) {
    List<Long> ids = sales.stream().map(Sale::id).toList();
    Map<Long, List<Rate>> rates = rows.ratesOf(ids);
    List<Long> rateIds = rates.values().stream().flatMap(List::stream).map(Rate::id).toList();
    Map<Long, List<Log>> rateLogs = rows.logsOf(SaleRows.RATE_MORPH, rateIds);
    Map<Long, List<Log>> saleLogs = rows.logsOf(SaleRows.SALE_MODEL, ids);
    Map<Long, Appliance> appliances = catalog.byIds(sales.stream().map(Sale::applianceId).toList());
    List<String> serials = sales.stream().map(Sale::deviceSerial).filter(s -> s != null && !s.isEmpty()).toList();
    Map<String, Device> bySerial = withDevice && !serials.isEmpty() ? devices.bySerials(serials).devices() : Map.of();
    List<SaleView> out = new ArrayList<>();
    for (Sale s : sales) {
      List<Rate> own = rates.getOrDefault(s.id(), List.of());
      long remaining = own.stream().mapToLong(Rate::remaining).sum();
      long paid = own.stream().mapToLong(r -> r.rateCost() - r.remaining()).sum();
      String rateType = InstallmentRules.rateType(own.stream().map(r -> new InstallmentRules.Rate(r.id(),
          r.rateCost(), r.remaining(), r.dueDate())).toList());
      out.add(new SaleView(s, appliances.get(s.applianceId()), own.stream().map(r -> new RateView(r,
          rateLogs.getOrDefault(r.id(), List.of()))).toList(), saleLogs.getOrDefault(s.id(), List.of()),
          s.deviceSerial() == null ? null : bySerial.get(s.deviceSerial()), remaining, paid, rateType));
    }
    return out;
  }
}

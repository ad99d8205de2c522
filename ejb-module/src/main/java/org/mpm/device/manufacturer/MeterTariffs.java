package org.mpm.device.manufacturer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.mpm.device.Device;
import org.mpm.device.Meter;
import org.mpm.tariff.TariffPricing;
import org.mpm.tariff.TariffPricing.Terms;
import org.mpm.tariff.TariffService;
import org.mpm.tariff.TariffView;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;

/**
 * The pricing terms of a meter device for meter manufacturer integrations: the meter's tariff (not soft-deleted)
 * with its pricing components and time-of-use slots, and the company's {@code main_settings.vat_energy}. MPM hands
 * the tariff to a meter API inside its {@code TransactionDataContainer}; here an integration asks for it, as the
 * demo SHS integration reads its own OpenPAYGO row, so {@link ManufacturerApi.ChargeRequest} stays the same for
 * every kind of device. Call it inside a tenant transaction. A tariff's terms are remembered briefly per company
 * ({@link TenantMemo#TARIFFS}), as every payment of a meter prices with them.
 */
@ApplicationScoped
public class MeterTariffs {

  /**
   * How long a tariff's terms are remembered. A change through the application is seen at once, on this server and
   * on the cluster's others (the tariff service, and the main settings for the energy VAT, forget them on commit,
   * see {@link TenantMemo}); a change made straight in the database within this time.
   */
  static final long REMEMBER_NANOS = 10_000_000_000L;

  @Inject TenantDatabase tenantDb;
  @Inject TariffService tariffs;
  @Inject TenantMemo memo;

  /** The terms of the device's meter; empty when the device is not a meter or its meter has no (live) tariff. */
  public Optional<Terms> terms(Device device) {
    if (!Meter.MORPH.equals(device.getDeviceType())) {
      return Optional.empty();
    }
    Meter meter = tenantDb.em().find(Meter.class, device.getDeviceId());
    if (meter == null || meter.getTariffId() <= 0) {
      return Optional.empty();
    }
    long tariffId = meter.getTariffId();
    return Optional.ofNullable(memo.get(TenantMemo.TARIFFS, tenantDb.databaseName(), Long.toString(tariffId),
        REMEMBER_NANOS, () -> load(tariffId)));
  }

  private Terms load(long tariffId) {
    TariffView view = tariffs.viewsById(List.of(tariffId)).get(tariffId);
    return view == null ? null
        : TariffPricing.terms(view.tariff(), view.components(), view.timesOfUse(), vatEnergy());
  }

  private Double vatEnergy() {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT vat_energy FROM main_settings ORDER BY id LIMIT 1")
        .getResultList();
    return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).doubleValue();
  }
}

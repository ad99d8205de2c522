package org.mpm.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.appliance.ApplianceCatalog.Appliance;
import org.mpm.appliance.ApplianceSales;
import org.mpm.appliance.RateSchedule;
import org.mpm.appliance.SaleForm;
import org.mpm.transaction.CashPaymentProvider;
import org.mpm.transaction.CashTransaction;
import org.mpm.transaction.InstallmentBooking;
import org.mpm.transaction.InstallmentEngine;
import org.mpm.transaction.PaymentRequest;

/**
 * MPM's demo appliances and sales, made through the services: the catalogue (5 solar home systems, 3 e-bikes, a TV
 * and ice cubes, as MPM's seeders), and sales of solar home systems, e-bikes and TVs to demo customers, each sold
 * some months ago with its down payment and its installments paid through the payment pipeline at the time they
 * were paid. The schedules are in four states: paid up to date, paid in part (one rate half paid), overdue (the
 * customer stopped paying) and almost paid off.
 */
@ApplicationScoped
public class DemoAppliances {

  private static final Logger LOG = Logger.getLogger(DemoAppliances.class.getName());

  /** MPM's seeded appliance types (tenant migration V12). */
  static final long SHS_TYPE = 1;
  static final long EBIKE_TYPE = 2;
  static final long ELECTRONICS_TYPE = 3;
  static final long GOODS_TYPE = 4;

  @Inject ApplianceCatalog catalog;
  @Inject ApplianceSales sales;
  @Inject InstallmentEngine installments;

  /** The catalogue's ids: the SHS appliances, the e-bike appliances, the TV and the ice cubes. */
  public record Catalogue(List<Appliance> shs, List<Appliance> eBikes, Appliance tv, Appliance ice) {}

  /** Creates MPM's demo catalogue. */
  public Catalogue catalogue() {
    List<Appliance> shs = new ArrayList<>();
    shs.add(catalog.create(SHS_TYPE, "SunPower Home 3000", 500_000));
    shs.add(catalog.create(SHS_TYPE, "SunPower Home 1000", 100_000));
    shs.add(catalog.create(SHS_TYPE, "EcoBright Solar Kit", 150_000));
    shs.add(catalog.create(SHS_TYPE, "HelioVolt Pro Series", 350_000));
    shs.add(catalog.create(SHS_TYPE, "SolaraMax Home Energy", 250_000));
    List<Appliance> bikes = new ArrayList<>();
    bikes.add(catalog.create(EBIKE_TYPE, "EcoMotion CityPro", 180_000));
    bikes.add(catalog.create(EBIKE_TYPE, "TerraCharge TrailMaster", 320_000));
    bikes.add(catalog.create(EBIKE_TYPE, "EcoMotion CityPro", 180_000));
    Appliance tv = catalog.create(ELECTRONICS_TYPE, "SuperVision HD TV ", 250_000);
    Appliance ice = catalog.create(GOODS_TYPE, "Ice Cubes (5kg)", 5_000);
    return new Catalogue(shs, bikes, tv, ice);
  }

  /** The SHS appliance of the demo SHS of customer n (who has one). */
  static Appliance shsAppliance(Catalogue c, int n) {
    return c.shs().get((n / 3) % c.shs().size());
  }

  /** The e-bike appliance of the demo e-bike of customer n (who has one). */
  static Appliance eBikeAppliance(Catalogue c, int n) {
    return c.eBikes().get((n / 4) % c.eBikes().size());
  }

  /**
   * Sells on installment: the SHS of every 2nd SHS owner (12 monthly rates), the e-bike of every 2nd e-bike owner
   * (6 monthly rates) and a TV to every 10th customer (10 monthly rates, no device), each with a down payment of a
   * tenth. Returns the number of sales.
   */
  public int sell(List<DemoDevices.Home> homes, long userId, Catalogue c) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int made = 0;
    for (int n = 0; n < homes.size(); n++) {
      long person = homes.get(n).personId();
      if (n % 6 == 0) {
        made += sale(person, userId, shsAppliance(c, n), DemoDevices.shsSerial(n), 12, made, today);
      } else if (n % 8 == 4) {
        made += sale(person, userId, eBikeAppliance(c, n), DemoDevices.eBikeSerial(n), 6, made, today);
      } else if (n % 10 == 5) {
        made += sale(person, userId, c.tv(), null, 10, made, today);
      }
    }
    int count = made;
    LOG.info(() -> "Demo appliance sales: " + count);
    return made;
  }

  /**
   * One sale in the state {@code k % 4} (paid up, paid in part, overdue, almost paid off), sold {@code 2 + k % 10}
   * months ago (almost paid off: as many months ago as it has rates, less one).
   */
  private int sale(long person, long userId, Appliance appliance, String serial, int rates, int k,
      LocalDate today) {
    int state = k % 4;
    int monthsAgo = state == 3 ? rates - 1 : Math.min(2 + k % 10, rates);
    LocalDate start = today.minusMonths(monthsAgo);
    long price = appliance.price();
    long down = price / 10;
    long saleId = sales.sell(appliance.id(), person, new SaleForm(userId, "installment", price, rates,
        RateSchedule.MONTHLY, down, serial, null, null, 0, null, null, start)).id();
    List<Long> costs = RateSchedule.split(price - down, rates);
    // the rates that have fallen due, each paid on its due day (the overdue sale stops after the first)
    int due = 0;
    while (due < rates && !RateSchedule.due(start, due + 1, RateSchedule.MONTHLY).isAfter(today)) {
      due++;
    }
    int toPay = state == 2 ? Math.min(1, due) : due;
    for (int i = 0; i < toPay; i++) {
      long amount = costs.get(i);
      if (state == 1 && i == toPay - 1 && i + 1 < rates) {
        amount += costs.get(i + 1) / 2; // a rate and a half: the next one stays half open
      }
      pay(saleId, userId, amount, RateSchedule.due(start, i + 1, RateSchedule.MONTHLY).atTime(10, 30));
    }
    return 1;
  }

  private void pay(long saleId, long userId, long amount, LocalDateTime at) {
    installments.ingest(new PaymentRequest(CashTransaction.MORPH, null, BigDecimal.valueOf(amount), null, null, null,
        Map.of(CashPaymentProvider.USER_ID, userId, InstallmentBooking.SALE_ID, saleId), at));
  }
}

package org.mpm.appliance;

import java.time.LocalDate;

/**
 * A sale as the console sends it (MPM's CreateAppliancePersonRequest), read and bounded by the route.
 *
 * @param userId the user recording the sale (its creator)
 * @param paymentType {@code installment} or {@code energy_service}
 * @param cost the price agreed, whole currency units (installment)
 * @param rateCount the number of rates (installment)
 * @param rateType {@code monthly} or {@code weekly} (installment)
 * @param downPayment paid at the sale, whole units; 0 for none
 * @param deviceSerial the device bound to the customer, or null
 * @param latitude where the device is (with {@code longitude}), or null
 * @param longitude see {@code latitude}
 * @param paymentProvider 0 for cash
 * @param minimumPayableAmount the smallest payment of an energy-service sale, or null
 * @param pricePerDay what a day costs on an energy-service sale, or null
 * @param firstPaymentDate the day the schedule counts from (the first rate is due a period later); null for today
 */
public record SaleForm(long userId, String paymentType, long cost, int rateCount, String rateType, long downPayment,
    String deviceSerial, Double latitude, Double longitude, long paymentProvider, Long minimumPayableAmount,
    Long pricePerDay, LocalDate firstPaymentDate) {

  public boolean energyService() {
    return "energy_service".equals(paymentType);
  }
}

package org.mpm.imports;

import java.time.LocalDate;

/**
 * A sold appliance row of an import (MPM's AppliancePersonImportItem), validated by the route: the customer by
 * name and surname, the appliance by name, the sale's terms as the export writes them, and the importing user.
 */
public record AppliancePersonItem(String customerName, String customerSurname, String applianceName,
    String paymentType, Long totalCost, Integer rateCount, String rateType, Long downPayment,
    LocalDate firstPaymentDate, String deviceSerial, Long minimumPayableAmount, Long pricePerDay, long importedBy) {

  public boolean energyService() {
    return "energy_service".equals(paymentType);
  }

  public String label() {
    return (customerName + " " + (customerSurname == null ? "" : customerSurname)).trim();
  }
}

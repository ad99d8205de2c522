package org.mpm.plugins.mesomb;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/** The reads behind a MeSomb notification: the payer by phone, and the row of an accepted payment. */
@Stateless
public class MesombService {

  /** {@code mpm_plugins.id} of MesombPaymentProvider. */
  public static final long PLUGIN_ID = 8;

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** A row of {@code mesomb_transactions} as MPM answers it. */
  public record Row(String pk, int status, String type, double amount, Double fees, String bParty, String message) {}

  public void requireEnabled() {
    gate.requireEnabled(PLUGIN_ID);
  }

  /**
   * The serial of the payer's one device: the phone (as sent, or with a leading +) must be registered once, to a
   * customer with exactly one device, as MPM requires.
   *
   * @throws MesombException 422 when the payer cannot be told
   */
  public String payerDevice(String bParty) {
    List<?> owners = tenantDb.em().createNativeQuery("SELECT owner_type, owner_id FROM addresses WHERE phone IN (?, ?)")
        .setParameter(1, bParty).setParameter(2, "+" + bParty).getResultList();
    if (owners.size() != 1) {
      throw failed("Each payer must have if and only if registered phone number. Registered phone count with "
          + bParty + " is " + owners.size());
    }
    Object[] owner = (Object[]) owners.get(0);
    List<?> serials = "person".equals(owner[0]) ? tenantDb.em().createNativeQuery("SELECT device_serial FROM devices"
        + " WHERE person_id = ?").setParameter(1, ((Number) owner[1]).longValue()).getResultList() : List.of();
    if (serials.size() != 1) {
      throw failed("Each payer must have if and only if connected meter with one phone number. Registered meter"
          + " count is " + serials.size());
    }
    return (String) serials.get(0);
  }

  /** The provider row of an accepted payment, by its transaction. */
  public Row row(long transactionId) {
    Object[] r = (Object[]) tenantDb.em().createNativeQuery("SELECT m.pk, m.status, m.type, m.amount, m.fees,"
        + " m.b_party, m.message FROM transactions t JOIN mesomb_transactions m ON m.id = t.original_transaction_id"
        + " WHERE t.id = ? AND t.original_transaction_type = ?").setParameter(1, transactionId)
        .setParameter(2, MesombPaymentProvider.MORPH).getSingleResult();
    return new Row((String) r[0], ((Number) r[1]).intValue(), (String) r[2], ((Number) r[3]).doubleValue(),
        r[4] == null ? null : ((Number) r[4]).doubleValue(), (String) r[5], (String) r[6]);
  }

  static MesombException failed(String detail) {
    return new MesombException(422, "Mesomp Payment Failed.", detail);
  }
}

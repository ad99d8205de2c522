package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * A plugin's credentials row is created on its first read: twenty first reads at once, for every plugin that
 * keeps one, all answer 200 and leave exactly one row.
 */
class PluginCredentialsIT {

  /** A plugin: its id, the route that reads its credentials and the table that keeps them. */
  record Kept(int pluginId, String route, String table) {}

  static final List<Kept> PLUGINS = List.of(
      new Kept(25, "/api/paystack/credential", "paystack_credentials"),
      new Kept(32, "/api/flutterwave/credential", "flutterwave_credentials"),
      new Kept(30, "/api/pesapal/credential", "pesapal_credentials"),
      new Kept(31, "/api/safaricom/credential", "safaricom_credentials"),
      new Kept(11, "/api/wave-money/wave-money-credential", "wave_money_credentials"),
      new Kept(19, "/api/vodacom_mz/credentials", "vodacom_mz_credentials"),
      new Kept(18, "/api/africas-talking/credential", "africas_talking_credentials"),
      new Kept(26, "/api/textbee-sms-gateway/credential", "textbee_credentials"),
      new Kept(10, "/api/viber-messaging/viber-credential", "viber_credentials"),
      new Kept(7, "/api/swifta-payment/authentication", "swifta_authentication"),
      new Kept(8, "/api/mesomb/credential", "mesomb_credentials"));

  @Test
  void twentyConcurrentFirstReadsMakeOneRowEach() throws Exception {
    Api api = new Api(TestServer.get());
    Tenant fresh = api.registerCompany("first-reads");
    List<String> wrong = new ArrayList<>();
    for (Kept p : PLUGINS) {
      Resp on = api.put("/api/plugins/" + p.pluginId(), "{\"checked\":true}", fresh.token());
      assertEquals(200, on.status(), on.body());
      assertEquals(0, Db.count(fresh, "SELECT COUNT(*) FROM " + p.table()), p.table());
      List<Resp> answers = PayingCustomers.concurrently(20, () -> api.get(p.route(), fresh.token()));
      for (Resp r : answers) {
        if (r.status() != 200) {
          wrong.add(p.route() + " answered " + r.status() + " " + r.body());
        }
      }
      long rows = Db.count(fresh, "SELECT COUNT(*) FROM " + p.table());
      if (rows != 1) {
        wrong.add(p.table() + " has " + rows + " rows");
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }
}

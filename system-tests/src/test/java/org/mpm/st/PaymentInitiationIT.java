package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;
import org.mpm.st.VodacomMzSimulator.Payer;

/**
 * Appliance payments started with a payment provider plugin ({@code payment_provider} = its id): the providers a
 * company can start a payment with, and Vodacom M-Pesa Mozambique's C2B payment against its simulator — a
 * confirmed payment pays the sale's rates once, also when Vodacom confirms two requests with one transaction id at
 * the same time; a confirmation the rates no longer take is kept as a refusal with a conflict; a sale's down
 * payment is asked once the sale is recorded, and stays owed when refused; a refusal and a timeout credit nothing
 * and leave the request failed or pending with a conflict; a provider the company has not enabled, one MPM does not
 * know, one without an initiator here, and another company's sale are refused before Vodacom is asked. After all,
 * every sale's rates add up to the payments booked on them.
 */
class PaymentInitiationIT {

  static Api api;
  static Tenant t;
  static Tenant other;
  static VodacomMzSimulator vodacom;
  static long userId;
  static long tv;
  static int customers;

  @BeforeAll
  static void start() throws Exception {
    TestServer server = TestServer.get();
    api = new Api(server);
    vodacom = server.vodacomMz();
    PeopleIT.api = api;
    t = api.registerCompany("initiation");
    other = api.registerCompany("initiation-b");
    userId = count(t, "SELECT id FROM users ORDER BY id LIMIT 1");
    assertEquals(200, api.put("/api/plugins/19", "{\"checked\":true}", t.token()).status());
    Resp creds = api.put("/api/vodacom_mz/credentials", "{\"api_key\":\"" + VodacomMzSimulator.API_KEY
        + "\",\"public_key\":\"" + vodacom.publicKey() + "\",\"service_provider_code\":\"900100\",\"live\":false}",
        t.token());
    assertEquals(200, creds.status(), creds.body());
    tv = ApplianceSalesIT.applianceId(api.post("/api/appliances", "{\"appliance_type_id\":3,\"name\":\"Vision TV\","
        + "\"price\":700}", t.token()), "Vision TV");
  }

  @AfterAll
  static void everySaleIsAccountedFor() throws Exception {
    ApplianceSalesIT.conserved(t);
    ApplianceSalesIT.conserved(other);
  }

  /** A customer with this phone, sold a TV for 700 in three weekly rates (233, 233, 234); the sale's id. */
  static long sale(Tenant x, String phone) throws Exception {
    customers++;
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(x, "Payer" + (char) ('a' + customers), "Tembe", phone,
        null));
    long appliance = x == t ? tv : ApplianceSalesIT.applianceId(api.post("/api/appliances",
        "{\"appliance_type_id\":3,\"name\":\"Other TV\",\"price\":700}", x.token()), "Other TV");
    long user = count(x, "SELECT id FROM users ORDER BY id LIMIT 1");
    Resp r = api.post("/api/appliances/person/" + appliance + "/people/" + person, "{\"user_id\":" + user
        + ",\"cost\":700,\"rate\":3,\"rate_type\":\"weekly\"}", x.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonObject("appliance_person").getJsonNumber("id").longValue();
  }

  static Resp pay(Tenant x, long sale, String amount, long provider) {
    return api.post("/api/appliances/payment/" + sale, "{\"amount\":" + amount + ",\"payment_provider\":" + provider
        + "}", x.token());
  }

  static String remaining(Tenant x, long sale) throws Exception {
    List<String> out = new ArrayList<>();
    try (var c = Db.tenant(x); var s = c.createStatement(); var rs = s.executeQuery("SELECT remaining FROM"
        + " appliance_rates WHERE appliance_person_id = " + sale + " ORDER BY due_date, id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return String.join(",", out);
  }

  /** The answers of one request sent twice at the same time. */
  static List<Resp> twoAtOnce(Callable<Resp> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Resp>> futures = List.of(pool.submit(request), pool.submit(request));
      List<Resp> answers = new ArrayList<>();
      for (Future<Resp> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Integer> statuses(List<Resp> answers) {
    return answers.stream().map(Resp::status).sorted().toList();
  }

  /** The conflicts on the company's Vodacom rows of this payer whose state is LIKE the pattern. */
  static long conflicts(String payer, String like) throws Exception {
    return count(t, "SELECT COUNT(*) FROM transaction_conflicts c JOIN vodacom_mz_transactions v"
        + " ON c.transaction_type = 'vodacom_mz_transaction' AND c.transaction_id = v.id"
        + " WHERE v.payerPhoneNumber = '" + payer + "' AND c.state LIKE '" + like + "'");
  }

  static long vodacomRows(Tenant x, String where) throws Exception {
    return count(x, "SELECT COUNT(*) FROM vodacom_mz_transactions WHERE " + where);
  }

  static long vodacomTransactions(Tenant x, long sale) throws Exception {
    return count(x, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'vodacom_mz_transaction'"
        + " AND message = '" + sale + "'");
  }

  @Test
  void theProvidersAreTheCompanysEnabledInitiatingPlugins() throws Exception {
    Resp mine = api.get("/api/appliances/payment/providers", t.token());
    assertEquals(200, mine.status(), mine.body());
    JsonArray data = mine.obj().getJsonArray("data");
    assertEquals(1, data.size(), mine.body());
    assertEquals(19, data.getJsonObject(0).getInt("id"));
    assertEquals(countName(19), data.getJsonObject(0).getString("name"));
    assertEquals("{\"data\":[]}", api.get("/api/appliances/payment/providers", other.token()).body());
    assertEquals(403, api.get("/api/appliances/payment/providers", api.userWithRole(t, "user")).status());
  }

  static String countName(long id) throws Exception {
    try (var c = Db.central(); var s = c.createStatement(); var rs = s.executeQuery("SELECT name FROM mpm_plugins"
        + " WHERE id = " + id)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void aConfirmedVodacomPaymentPaysTheRatesOnce() throws Exception {
    long sale = sale(t, "+258841000011");
    Resp r = pay(t, sale, "300", 19);
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    long tx = d.getJsonNumber("transaction_id").longValue();
    assertEquals(sale, d.getJsonObject("appliance_person").getJsonNumber("id").longValue());
    assertEquals("0,166,234", remaining(t, sale));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE id = " + tx + " AND amount = 300"
        + " AND type = 'deferred_payment' AND original_transaction_type = 'vodacom_mz_transaction'"
        + " AND sender = '+258841000011'"));
    assertEquals(300, count(t, "SELECT SUM(amount) FROM payment_histories WHERE transaction_id = " + tx));
    List<JsonObject> asked = vodacom.paymentsOf("258841000011");
    assertEquals(1, asked.size());
    JsonObject q = asked.get(0);
    assertEquals("300", q.getString("input_Amount"));
    assertEquals("171717", q.getString("input_ServiceProviderCode"), "the sandbox's code");
    assertEquals(Long.toString(sale), q.getString("input_TransactionReference"));
    assertTrue(vodacom.apiKeys().contains(VodacomMzSimulator.API_KEY));
    long row = count(t, "SELECT original_transaction_id FROM transactions WHERE id = " + tx);
    assertEquals(1, vodacomRows(t, "id = " + row + " AND status = 1 AND amount = 300 AND referenceId = '"
        + q.getString("input_ThirdPartyReference") + "' AND transactionId IS NOT NULL AND conversationId IS NOT NULL"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM payment_idempotency_keys WHERE scope = 'vodacom_mz'"
        + " AND transaction_id = " + tx));
    Resp status = api.get("/api/appliances/payment/status/" + tx, t.token());
    assertEquals("processed", status.obj().getJsonObject("data").getString("status"), status.body());
    // the rest of the plan: 400 pays it off
    assertEquals(200, pay(t, sale, "400", 19).status());
    assertEquals("0,0,0", remaining(t, sale));
    assertEquals(2, vodacomTransactions(t, sale));
    Resp tooMuch = pay(t, sale, "1", 19);
    assertEquals(422, tooMuch.status(), tooMuch.body());
    assertEquals(2, vodacom.paymentsOf("258841000011").size(), "a refused amount never reaches Vodacom");
  }

  @Test
  void oneConfirmationForTwoRequestsAtOnceIsCreditedOnce() throws Exception {
    long sale = sale(t, "+258841000012");
    vodacom.repeatedTransactionId("258841000012", "DUPTX0012");
    List<Resp> answers = twoAtOnce(() -> pay(t, sale, "233", 19));
    assertEquals(List.of(200, 409), statuses(answers), answers.toString());
    assertEquals(2, vodacom.paymentsOf("258841000012").size());
    assertEquals(1, vodacomTransactions(t, sale));
    assertEquals("0,233,234", remaining(t, sale));
    // delivered again later: refused, nothing more credited
    Resp again = pay(t, sale, "233", 19);
    assertEquals(409, again.status(), again.body());
    assertEquals(1, vodacomTransactions(t, sale));
    assertEquals("0,233,234", remaining(t, sale));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM payment_idempotency_keys WHERE scope = 'vodacom_mz'"
        + " AND idempotency_key = 'DUPTX0012'"));
    assertEquals(1, vodacomRows(t, "serialNumber = '' AND payerPhoneNumber = '+258841000012' AND status = 1"));
    assertEquals(2, vodacomRows(t, "payerPhoneNumber = '+258841000012' AND status = -1"));
    assertEquals(2, conflicts("+258841000012", "%DUPTX0012%"));
  }

  @Test
  void aConfirmationTheRatesNoLongerTakeIsKeptAsARefusal() throws Exception {
    long sale = sale(t, "+258841000017");
    vodacom.payer("258841000017", Payer.DELAYED);
    List<Resp> answers = twoAtOnce(() -> pay(t, sale, "467", 19));
    // both were checked before either was confirmed, and Vodacom took both
    assertEquals(2, vodacom.paymentsOf("258841000017").size());
    assertEquals(List.of(200, 422), statuses(answers), answers.toString());
    assertEquals(1, vodacomTransactions(t, sale));
    assertEquals("0,0,233", remaining(t, sale));
    assertEquals(1, vodacomRows(t, "payerPhoneNumber = '+258841000017' AND status = 1"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transaction_conflicts c JOIN vodacom_mz_transactions v"
        + " ON c.transaction_type = 'vodacom_mz_transaction' AND c.transaction_id = v.id"
        + " WHERE v.payerPhoneNumber = '+258841000017' AND v.status = -1 AND v.transactionId IS NOT NULL"
        + " AND c.state LIKE 'Rejected: Payment Amount can not bigger than Total Remaining Amount%'"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM payment_idempotency_keys k JOIN vodacom_mz_transactions v"
        + " ON v.transactionId = k.idempotency_key WHERE k.scope = 'vodacom_mz' AND k.rejection_status = 422"
        + " AND v.payerPhoneNumber = '+258841000017'"));
  }

  @Test
  void aSalesDownPaymentIsAskedOfVodacomOnceTheSaleIsRecorded() throws Exception {
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Downa", "Tembe", "+258841000020", null));
    String sell = "/api/appliances/person/" + tv + "/people/" + person;
    Resp sold = api.post(sell, "{\"user_id\":" + userId + ",\"cost\":700,\"rate\":3,\"rate_type\":\"weekly\","
        + "\"down_payment\":100,\"payment_provider\":19,\"address\":{\"phone\":\"+258841000018\"}}", t.token());
    assertEquals(200, sold.status(), sold.body());
    long sale = sold.obj().getJsonObject("data").getJsonObject("appliance_person").getJsonNumber("id").longValue();
    assertEquals("0,200,200,200", remaining(t, sale));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE type = 'down_payment' AND amount = 100"
        + " AND original_transaction_type = 'vodacom_mz_transaction' AND sender = '+258841000018'"
        + " AND message = '" + sale + "'"));
    assertEquals(100, count(t, "SELECT SUM(h.amount) FROM payment_histories h JOIN transactions x"
        + " ON x.id = h.transaction_id WHERE h.payment_type = 'down_payment' AND x.message = '" + sale + "'"));
    assertEquals(1, vodacom.paymentsOf("258841000018").size());

    vodacom.payer("258841000019", Payer.NO_BALANCE);
    Resp refused = api.post(sell, "{\"user_id\":" + userId + ",\"cost\":700,\"rate\":3,\"rate_type\":\"weekly\","
        + "\"down_payment\":100,\"payment_provider\":19,\"address\":{\"phone\":\"+258841000019\"}}",
        t.token());
    assertEquals(502, refused.status(), refused.body());
    long owed = count(t, "SELECT MAX(id) FROM appliance_people WHERE person_id = " + person);
    assertTrue(owed > sale);
    assertEquals("100,200,200,200", remaining(t, owed), "the down payment stays owed");
    assertEquals(0, vodacomTransactions(t, owed));
    assertEquals(1, vodacomRows(t, "payerPhoneNumber = '+258841000019' AND status = -1"));
  }

  @Test
  void aRefusalAndATimeoutCreditNothing() throws Exception {
    long refusedSale = sale(t, "+258841000013");
    vodacom.payer("258841000013", Payer.NO_BALANCE);
    Resp refused = pay(t, refusedSale, "233", 19);
    assertEquals(502, refused.status(), refused.body());
    assertTrue(refused.message().contains("INS-2006"), refused.body());
    assertEquals(0, vodacomTransactions(t, refusedSale));
    assertEquals("233,233,234", remaining(t, refusedSale));
    assertEquals(1, vodacomRows(t, "payerPhoneNumber = '+258841000013' AND status = -1"));
    assertEquals(1, conflicts("+258841000013", "%INS-2006%"));

    vodacom.payer("258841000013", Payer.CANCELS);
    Resp cancelled = pay(t, refusedSale, "233", 19);
    assertEquals(502, cancelled.status(), cancelled.body());
    assertTrue(cancelled.message().contains("INS-5"), cancelled.body());
    assertEquals(2, vodacomRows(t, "payerPhoneNumber = '+258841000013' AND status = -1"));

    long slowSale = sale(t, "+258841000014");
    vodacom.payer("258841000014", Payer.SLOW);
    Resp slow = pay(t, slowSale, "233", 19);
    assertEquals(502, slow.status(), slow.body());
    assertTrue(slow.message().contains("pending"), slow.body());
    assertEquals(0, vodacomTransactions(t, slowSale));
    assertEquals("233,233,234", remaining(t, slowSale));
    assertEquals(1, vodacomRows(t, "payerPhoneNumber = '+258841000014' AND status = 0"));
    assertEquals(1, conflicts("+258841000014", "Pending%"));
    Thread.sleep(VodacomMzSimulator.SLOW_MS); // the simulator's late answer reaches nobody
    assertEquals(0, vodacomTransactions(t, slowSale));
  }

  @Test
  void providersThatCannotStartAPaymentAndAnotherCompanysSaleAreRefusedBeforeVodacomIsAsked() throws Exception {
    long sale = sale(t, "+258841000015");
    long otherSale;
    try (var c = Db.tenant(other)) {
      Db.exec(c, "ALTER TABLE appliance_people AUTO_INCREMENT = 5000");
    }
    otherSale = sale(other, "+258841000016");
    assertTrue(otherSale >= 5000);
    long keys = count(t, "SELECT COUNT(*) FROM payment_idempotency_keys");
    long rows = vodacomRows(t, "1 = 1");
    long transactions = count(t, "SELECT COUNT(*) FROM transactions");
    int asked = vodacom.payments().size();

    Resp unknown = pay(t, sale, "233", 99);
    assertEquals(422, unknown.status(), unknown.body());
    assertEquals("The selected payment provider is invalid.", unknown.obj().getJsonObject("errors")
        .getJsonArray("payment_provider").getString(0));
    Resp notEnabled = pay(other, otherSale, "233", 19);
    assertEquals(422, notEnabled.status(), notEnabled.body());
    assertTrue(notEnabled.obj().getJsonObject("errors").containsKey("payment_provider"), notEnabled.body());
    assertEquals(200, api.put("/api/plugins/25", "{\"checked\":true}", t.token()).status());
    Resp unsupported = pay(t, sale, "233", 25);
    assertEquals(422, unsupported.status(), unsupported.body());
    assertEquals("{\"message\":\"Unsupported payment provider ID: 25\"}", unsupported.body());
    assertEquals(19, api.get("/api/appliances/payment/providers", t.token()).obj().getJsonArray("data")
        .getJsonObject(0).getInt("id"));
    Resp foreign = pay(t, otherSale, "233", 19);
    assertEquals(404, foreign.status(), foreign.body());
    Resp below = pay(t, sale, "100", 19);
    assertEquals(422, below.status(), below.body());

    assertEquals(asked, vodacom.payments().size());
    assertEquals(rows, vodacomRows(t, "1 = 1"));
    assertEquals(keys, count(t, "SELECT COUNT(*) FROM payment_idempotency_keys"));
    assertEquals(transactions, count(t, "SELECT COUNT(*) FROM transactions"));
    assertEquals("233,233,234", remaining(t, sale));
    assertEquals("233,233,234", remaining(other, otherSale));
  }
}

package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * A company ready to be paid through a payment-provider plugin: a tariff, a meter type, the demo meter manufacturer
 * (whose tokens are made in the accepting transaction), and customers with a phone and one meter each.
 */
final class PayingCustomers {

  final Api api;
  final Tenant t;
  final long tariff;
  final long meterType;
  final long maker;

  PayingCustomers(Api api, Tenant t, long pluginId) {
    this.api = api;
    this.t = t;
    PeopleIT.api = api;
    Resp on = api.put("/api/plugins/" + pluginId, "{\"checked\":true}", t.token());
    assertEquals(200, on.status(), on.body());
    Resp tariffResp = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\","
        + "\"factor\":1,\"minimum_purchase_amount\":100,\"components\":[{\"name\":\"Service\",\"price\":10}]}",
        t.token());
    assertEquals(201, tariffResp.status(), tariffResp.body());
    tariff = GeographyIT.id(tariffResp);
    meterType = GeographyIT.id(api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}",
        t.token()));
    Resp m = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token());
    assertEquals(201, m.status(), m.body());
    maker = GeographyIT.id(m);
  }

  /** A customer with this phone and one meter with this serial; returns the person's id. */
  long customer(String name, String serial, String phone) throws Exception {
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, name, "Payer", phone, null));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":" + maker
        + ",\"meter_type_id\":" + meterType + ",\"in_use\":1,\"tariff_id\":" + tariff + "}", t.token());
    assertEquals(201, meter.status(), meter.body());
    Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (" + person + ", 'meter', " + GeographyIT.id(meter) + ", '" + serial + "', NOW(), NOW())");
    return person;
  }

  /** A figure of the company's database (a count, a sum, an id). */
  long count(String sql) throws Exception {
    return Db.count(t, sql);
  }

  /** The payments (transactions rows) of this provider for this device. */
  long payments(String morph, String serial) throws Exception {
    return count("SELECT COUNT(*) FROM transactions WHERE original_transaction_type = '" + morph
        + "' AND message = '" + serial + "'");
  }

  /** Waits until the device's payments have one token each (at most 30 s); returns the number of tokens. */
  long tokens(String morph, String serial) throws Exception {
    String sql = "SELECT COUNT(*) FROM tokens k JOIN transactions x ON x.id = k.transaction_id WHERE"
        + " x.original_transaction_type = '" + morph + "' AND x.message = '" + serial + "'";
    long end = System.nanoTime() + 30_000_000_000L;
    while (count(sql) < payments(morph, serial) && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    return count(sql);
  }

  /** The conflicts recorded on rows of this provider whose state contains the text. */
  long conflicts(String morph, String text) throws Exception {
    return count("SELECT COUNT(*) FROM transaction_conflicts WHERE transaction_type = '" + morph
        + "' AND state LIKE '%" + text.replace("'", "''") + "%'");
  }

  /** Runs the call n times at once and returns the answers. */
  static List<Resp> concurrently(int n, Callable<Resp> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Resp>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      List<Resp> out = new ArrayList<>();
      for (Future<Resp> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}

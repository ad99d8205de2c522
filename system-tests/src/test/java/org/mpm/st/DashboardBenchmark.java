package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Tenant;

/**
 * Benchmark, not part of the Test command: fills one company with 200,000 customers in 20 villages (4 clusters, 10
 * mini-grids), each with a meter, and 2,000,000 settled payments over the last twelve months, each with its energy
 * token (multi-row inserts straight into its database, then their revenue summary as the migration builds it), then
 * prints the median and 99th percentile of the server's own time ({@code Server-Timing}) of the cluster and
 * mini-grid dashboards, then again after a customer was added (the counts per place are recounted meanwhile).
 * {@code -Dmpm.bench.holdSeconds=N} keeps the server and its database up for N seconds afterwards.
 *
 * <pre>mvn -B verify -pl system-tests -am -Dit.test=DashboardBenchmark -Dmpm.bench.customers=200000
 * -Dmpm.bench.transactions=2000000</pre>
 */
class DashboardBenchmark {

  static final int BATCH = 5000;

  @Test
  void dashboardsOfALargeOperator() throws Exception {
    int customers = Integer.getInteger("mpm.bench.customers", 200_000);
    int payments = Integer.getInteger("mpm.bench.transactions", 2_000_000);
    int rounds = Integer.getInteger("mpm.bench.rounds", 20);
    TestServer server = TestServer.get();
    Api api = new Api(server);
    Tenant t = api.registerCompany("bench-dashboards");
    List<Long> villages = new ArrayList<>();
    long tz = api.get("/api/countries/TZ", t.token()).obj().getJsonObject("data").getJsonNumber("id").longValue();
    for (int c = 0; c < 4; c++) {
      long cluster = GeographyIT.id(api.post("/api/clusters", "{\"name\":\"Cluster " + c + "\",\"manager_id\":1,"
          + "\"geo_json\":" + GeographyIT.AREA + "}", t.token()));
      for (int g = 0; g < (c < 2 ? 3 : 2); g++) {
        long grid = GeographyIT.id(api.post("/api/mini-grids", "{\"name\":\"Grid " + c + "-" + g + "\","
            + "\"cluster_id\":" + cluster + ",\"geo_json\":" + GeographyIT.point(39, -7) + "}", t.token()));
        for (int v = 0; v < 2; v++) {
          villages.add(GeographyIT.id(api.post("/api/cities", "{\"name\":\"Village " + c + "-" + g + "-" + v
              + "\",\"mini_grid_id\":" + grid + ",\"country_id\":" + tz + ",\"geo_json\":"
              + GeographyIT.point(39, -7) + "}", t.token())));
        }
      }
    }
    long t0 = System.nanoTime();
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO cash_transactions (id, user_id, status, created_at, updated_at)"
          + " VALUES (1, 1, 1, NOW(), NOW())");
      for (int start = 0; start < customers; start += BATCH) {
        StringBuilder p = new StringBuilder("INSERT INTO people (id, name, surname, is_customer, type, created_at,"
            + " updated_at) VALUES ");
        StringBuilder a = new StringBuilder("INSERT INTO addresses (owner_type, owner_id, phone, email, street,"
            + " city_id, is_primary, created_at, updated_at) VALUES ");
        StringBuilder m = new StringBuilder("INSERT INTO meters (id, serial_number, meter_type_id, in_use,"
            + " manufacturer_id, connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES ");
        StringBuilder d = new StringBuilder("INSERT INTO devices (id, person_id, device_type, device_id,"
            + " device_serial, created_at, updated_at) VALUES ");
        for (int i = start; i < Math.min(customers, start + BATCH); i++) {
          String sep = i == start ? "" : ",";
          long id = 1000 + i;
          p.append(sep).append("(").append(id).append(",'C").append(i).append("','S',1,'customer',NOW(),NOW())");
          a.append(sep).append("('person',").append(id).append(",'+2557").append(10_000_000 + i).append("','','',")
              .append(villages.get(i % villages.size())).append(",1,NOW(),NOW())");
          m.append(sep).append("(").append(i + 1).append(",'BM").append(i).append("',1,1,1,1,1,1,")
              .append("UTC_TIMESTAMP() - INTERVAL ").append(i % 365).append(" DAY,NOW())");
          d.append(sep).append("(").append(i + 1).append(",").append(id).append(",'meter',").append(i + 1)
              .append(",'BM").append(i).append("',NOW(),NOW())");
        }
        s.executeUpdate(p.toString());
        s.executeUpdate(a.toString());
        s.executeUpdate(m.toString());
        s.executeUpdate(d.toString());
        c.commit();
      }
      for (int start = 0; start < payments; start += BATCH) {
        StringBuilder tx = new StringBuilder("INSERT INTO transactions (original_transaction_id,"
            + " original_transaction_type, amount, type, sender, message, created_at, updated_at) VALUES ");
        for (int i = start; i < Math.min(payments, start + BATCH); i++) {
          tx.append(i == start ? "" : ",").append("(1,'cash_transaction',").append(500 + i % 7 * 100)
              .append(",'energy','+255700000000','BM").append((i * 7919L) % customers)
              .append("',UTC_TIMESTAMP() - INTERVAL ").append(i % 525_600).append(" MINUTE,NOW())");
        }
        s.executeUpdate(tx.toString());
        s.executeUpdate("INSERT INTO tokens (transaction_id, token, token_amount, device_id, token_type, token_unit,"
            + " created_at, updated_at) SELECT t.id, CONCAT('T', t.id), t.amount / 250, d.id, 'energy', 'kWh',"
            + " t.created_at, t.created_at FROM transactions t JOIN devices d ON d.device_serial = t.message"
            + " WHERE t.id > (SELECT COALESCE(MAX(transaction_id), 0) FROM tokens)");
        c.commit();
      }
      DashboardsIT.summarize(s);
      c.commit();
    }
    System.out.printf("%n== dashboard benchmark: %d customers, %d payments written and summarized in %d s%n",
        customers, payments,
        (System.nanoTime() - t0) / 1_000_000_000);
    measure(api, t, "GET /api/dashboard/clusters", rounds);
    measure(api, t, "GET /api/dashboard/mini-grids", rounds);
    // a customer registered meanwhile: the next views answer the previous counts while they are recounted
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO people (name, surname, is_customer, type, created_at, updated_at)"
          + " VALUES ('New', 'Customer', 1, 'customer', NOW(), NOW())");
    }
    System.out.println("after a change of what the dashboards count:");
    measure(api, t, "GET /api/dashboard/clusters", rounds);
    measure(api, t, "GET /api/dashboard/mini-grids", rounds);
    long hold = Long.getLong("mpm.bench.holdSeconds", 0);
    if (hold > 0) {
      try (Connection c = Db.tenant(t)) {
        System.out.println("holding: " + c.getMetaData().getURL());
      }
      Thread.sleep(hold * 1000);
    }
  }

  /**
   * A few warm-up calls (the first one's server time printed: it may count from scratch), then the median and 99th
   * percentile of the server's time and of the client's.
   */
  static void measure(Api api, Tenant t, String label, int rounds) {
    String path = label.substring(4);
    for (int i = 0; i < 3; i++) {
      Api.Resp r = api.get(path, t.token());
      assertEquals(200, r.status());
      if (i == 0) {
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        System.out.printf("%-30s first call %.1f ms%n", label, Double.parseDouble(timing.substring(
            timing.indexOf("dur=") + 4)));
      }
    }
    List<Double> client = new ArrayList<>();
    List<Double> server = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long s = System.nanoTime();
      Api.Resp r = api.get(path, t.token());
      client.add((System.nanoTime() - s) / 1e6);
      assertEquals(200, r.status(), r.body());
      String timing = r.headers().firstValue("Server-Timing").orElseThrow();
      server.add(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)));
    }
    Collections.sort(client);
    Collections.sort(server);
    System.out.printf("%-30s server median %8.1f ms  p99 %8.1f ms   client median %8.1f ms  p99 %8.1f ms%n", label,
        server.get(server.size() / 2), server.get((int) (server.size() * 0.99)), client.get(client.size() / 2),
        client.get((int) (client.size() * 0.99)));
  }
}

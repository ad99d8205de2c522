package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Tenant;

/**
 * Benchmark, not part of the Test command: fills one company with 100,000 customers (written straight into its
 * database), then prints the median and 99th percentile of the people endpoints as a client on this machine
 * sees them (sequential requests, keep-alive).
 *
 * <pre>mvn -B verify -pl system-tests -am -Dit.test=PeopleListBenchmark -Dmpm.bench.people=100000</pre>
 */
class PeopleListBenchmark {

  static final String[] FIRST = {"Amani", "Baraka", "Neema", "Zawadi", "Juma", "Rehema", "Halima", "Faraji"};

  @Test
  void hundredThousandCustomers() throws Exception {
    int people = Integer.getInteger("mpm.bench.people", 100_000);
    TestServer server = TestServer.get();
    Api api = new Api(server);
    Tenant t = api.registerCompany("bench-people");
    long village = PeopleIT.village(api, t, "Benchville");
    long t0 = System.nanoTime();
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (int start = 0; start < people; start += 1000) {
        StringBuilder p = new StringBuilder("INSERT INTO people (id, name, surname, is_customer, type, created_at,"
            + " updated_at) VALUES ");
        StringBuilder a = new StringBuilder("INSERT INTO addresses (owner_type, owner_id, phone, email, street,"
            + " city_id, is_primary, created_at, updated_at) VALUES ");
        for (int i = start; i < Math.min(people, start + 1000); i++) {
          long id = 1000 + i;
          String ts = "TIMESTAMP '2026-01-01 00:00:00' + INTERVAL " + i + " SECOND";
          p.append(i == start ? "" : ",").append("(").append(id).append(",'").append(FIRST[i % FIRST.length])
              .append(i).append("','Surname").append(i % 997).append("',1,'customer',").append(ts).append(",")
              .append(ts).append(")");
          a.append(i == start ? "" : ",").append("('person',").append(id).append(",'+2557").append(10_000_000 + i)
              .append("','','',").append(village).append(",1,").append(ts).append(",").append(ts).append(")");
        }
        s.executeUpdate(p.toString());
        s.executeUpdate(a.toString());
      }
      c.commit();
    }
    System.out.printf("%n== people benchmark: %d customers written in %d s%n", people,
        (System.nanoTime() - t0) / 1_000_000_000);
    assertEquals(people, api.get("/api/people", t.token()).obj().getInt("total"));
    Random random = new Random(1);
    int lastPage = (people + 14) / 15;
    measure(api, t, "GET /api/people (page 1)", i -> "/api/people");
    measure(api, t, "GET /api/people?page=5000", i -> "/api/people?page=" + Math.min(5000, lastPage));
    measure(api, t, "search by name prefix", i -> "/api/people/search?term=" + FIRST[i % FIRST.length].substring(0, 3)
        + (i % 10) + "&paginate=1&per_page=15");
    measure(api, t, "search by phone prefix", i -> "/api/people/search?term=%2B2557" + (10_000_000 + random.nextInt(
        people)) / 100 + "&paginate=1&per_page=15");
    measure(api, t, "GET /api/people/{id}", i -> "/api/people/" + (1000 + random.nextInt(people)));
  }

  interface PathOf {
    String path(int i);
  }

  /**
   * Warms the endpoint up (the server's JIT compiles hot paths after a few thousand calls), then prints the
   * median and 99th percentile of the server's own time (its {@code Server-Timing} header) and of the time seen
   * by this client on the same machine.
   */
  static void measure(Api api, Tenant t, String label, PathOf path) {
    for (int i = 0; i < 500; i++) {
      assertEquals(200, api.get(path.path(i), t.token()).status());
    }
    List<Double> client = new ArrayList<>();
    List<Double> server = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long s = System.nanoTime();
      Api.Resp r = api.get(path.path(i), t.token());
      client.add((System.nanoTime() - s) / 1e6);
      assertEquals(200, r.status(), path.path(i));
      String timing = r.headers().firstValue("Server-Timing").orElseThrow();
      server.add(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)));
    }
    Collections.sort(client);
    Collections.sort(server);
    System.out.printf("%-28s server median %6.1f ms  p99 %6.1f ms   client median %6.1f ms  p99 %6.1f ms%n", label,
        server.get(server.size() / 2), server.get((int) (server.size() * 0.99)), client.get(client.size() / 2),
        client.get((int) (client.size() * 0.99)));
  }
}

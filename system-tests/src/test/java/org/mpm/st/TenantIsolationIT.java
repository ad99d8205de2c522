package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Two companies registered through the API never see each other's data, also under concurrent load. */
class TenantIsolationIT {

  static Api api;
  static Tenant a;
  static Tenant b;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    a = api.registerCompany("iso-a");
    b = api.registerCompany("iso-b");
  }

  @Test
  void eachCompanySeesOnlyItsOwnUsers() {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, api.post("/api/users", "{\"name\":\"A" + i + "\",\"email\":\"a" + i + "-" + a.companyId()
          + "@a.example\",\"password\":\"secret123\"}", a.token()).status());
    }
    assertEquals(200, api.post("/api/users", "{\"name\":\"B0\",\"email\":\"b0-" + b.companyId()
        + "@b.example\",\"password\":\"secret123\"}", b.token()).status());
    String listA = api.get("/api/users?per_page=1000", a.token()).body();
    String listB = api.get("/api/users?per_page=1000", b.token()).body();
    assertTrue(listA.contains("@a.example") && !listA.contains("@b.example") && !listA.contains(b.ownerEmail()));
    assertTrue(listB.contains("@b.example") && !listB.contains("@a.example") && !listB.contains(a.ownerEmail()));
    // Ids overlap across tenants: in a fresh pair, user 2 exists in one company only.
    Tenant withUser = api.registerCompany("iso-e");
    Tenant without = api.registerCompany("iso-f");
    assertEquals(200, api.post("/api/users", "{\"name\":\"E1\",\"email\":\"e1-" + withUser.companyId()
        + "@e.example\",\"password\":\"secret123\"}", withUser.token()).status());
    assertEquals(200, api.get("/api/users/2", withUser.token()).status());
    assertEquals(404, api.get("/api/users/2", without.token()).status());
    assertEquals(404, api.put("/api/users/2", "{\"name\":\"Hijack\"}", without.token()).status());
    assertEquals(404, api.delete("/api/users/2", without.token()).status());
    assertEquals(404, api.get("/api/roles/user/2", without.token()).status());
    Resp still = api.get("/api/users/2", withUser.token());
    assertEquals("E1", still.obj().getJsonObject("data").getString("name"),
        "the other company's calls changed nothing");
  }

  @Test
  void apiKeysOfAnotherCompanyCannotBeRevoked() {
    long keyA = api.post("/api/api-keys", "{\"name\":\"a\"}", a.token()).obj().getJsonObject("data")
        .getJsonNumber("id").longValue();
    assertEquals(404, api.delete("/api/api-keys/" + keyA, b.token()).status());
    assertTrue(api.get("/api/api-keys", b.token()).body().equals("{\"data\":[]}")
        || !api.get("/api/api-keys", b.token()).body().contains("\"id\":" + keyA + ","));
    assertEquals(200, api.delete("/api/api-keys/" + keyA, a.token()).status());
  }

  @Test
  void concurrentRequestsNeverCrossTenants() throws Exception {
    List<Tenant> tenants = new ArrayList<>(List.of(a, b));
    tenants.add(api.registerCompany("iso-c"));
    tenants.add(api.registerCompany("iso-d"));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    AtomicInteger checked = new AtomicInteger();
    AtomicInteger writes = new AtomicInteger();
    List<Future<?>> jobs = new ArrayList<>();
    for (int w = 0; w < 16; w++) {
      int worker = w;
      jobs.add(pool.submit(() -> {
        for (int i = 0; i < 25; i++) {
          Tenant t = tenants.get((worker + i) % tenants.size());
          String domain = "t" + t.companyId() + ".example";
          if (i % 5 == 0) {
            Resp created = api.post("/api/users", "{\"name\":\"W" + worker + "-" + i + "\",\"email\":\"w" + worker
                + "-" + i + "@" + domain + "\",\"password\":\"secret123\"}", t.token());
            assertEquals(200, created.status(), created.body());
            writes.incrementAndGet();
          }
          Resp me = api.get("/api/auth/me", t.token());
          assertEquals(t.ownerEmail(), me.obj().getJsonObject("user").getString("email"));
          JsonArray users = api.get("/api/users?per_page=100", t.token()).obj().getJsonArray("data");
          for (int u = 0; u < users.size(); u++) {
            String email = users.getJsonObject(u).getString("email");
            boolean own = email.equals(t.ownerEmail()) || email.endsWith("@" + domain)
                || t == a && email.endsWith("@a.example") || t == b && email.endsWith("@b.example");
            assertTrue(own, "tenant " + t.companyId() + " saw " + email);
            checked.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : jobs) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    System.out.println("isolation under load: " + checked.get() + " user rows checked, " + writes.get()
        + " writes, 0 from another tenant");
    for (Tenant t : tenants) {
      long total = api.get("/api/users", t.token()).obj().getJsonObject("meta").getJsonNumber("total").longValue();
      assertTrue(total >= 1 + 16 * 5 / tenants.size());
    }
    assertTrue(checked.get() > 400);
  }

  /**
   * Related entities under load: each company's owner role gets a permission named after the company, written
   * straight into its database. Authenticated requests load the user's roles and their permissions lazily (at
   * most every 2 s per user: the principal is remembered that long); the roles listing loads them with JOIN
   * FETCH on every request. No answer may ever carry another company's permission.
   */
  @Test
  void joinFetchAndLazyLoadingStayInTheirTenant() throws Exception {
    List<Tenant> tenants = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Tenant t = api.registerCompany("probe" + i);
      tenants.add(t);
      Db.exec(t, "INSERT INTO permissions (name, guard_name) VALUES ('probe-" + t.companyId() + "', 'api')",
          "INSERT INTO role_has_permissions (permission_id, role_id) SELECT p.id, r.id FROM permissions p, roles r"
              + " WHERE p.name = 'probe-" + t.companyId() + "' AND r.name = 'owner'");
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    AtomicInteger checks = new AtomicInteger();
    List<Future<?>> jobs = new ArrayList<>();
    for (int w = 0; w < 16; w++) {
      int worker = w;
      jobs.add(pool.submit(() -> {
        for (int i = 0; i < 30; i++) {
          Tenant t = tenants.get((worker * 7 + i) % tenants.size());
          String own = "\"probe-" + t.companyId() + "\"";
          String me = api.get("/api/auth/me", t.token()).body();
          assertTrue(me.contains(own), me);
          assertEquals(1, me.split("\"probe-", -1).length - 1, "only its own probe: " + me);
          String details = api.get("/api/roles/details", t.token()).body();
          assertTrue(details.contains(own), details);
          assertEquals(1, details.split("\"probe-", -1).length - 1, "only its own probe: " + details);
          checks.addAndGet(2);
        }
        return null;
      }));
    }
    for (Future<?> f : jobs) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    System.out.println("join fetch + lazy loading under load: " + checks.get()
        + " answers checked, none with another tenant's permission");
  }
}

package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Users, roles and API keys of one company, with MPM's permission and policy rules. */
class UsersIT {

  static Api api;
  static Tenant tenant;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    tenant = api.registerCompany("users");
  }

  private long createUser(String email, String roles) {
    Resp r = api.post("/api/users", "{\"name\":\"User " + email + "\",\"email\":\"" + email
        + "\",\"password\":\"secret123\"" + (roles == null ? "" : ",\"roles\":" + roles) + "}", tenant.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  @Test
  void createShowUpdateDelete() {
    String email = "clerk-" + System.nanoTime() + "@example.com";
    long id = createUser(email, "[\"financial-manager\"]");
    Resp shown = api.get("/api/users/" + id, tenant.token());
    JsonObject data = shown.obj().getJsonObject("data");
    assertEquals(email, data.getString("email"));
    assertTrue(data.containsKey("address_details"));
    assertEquals("[\"financial-manager\"]", api.get("/api/roles/user/" + id, tenant.token()).body());

    String clerk = api.login(email, "secret123");
    assertEquals(200, api.get("/api/users/" + id, clerk).status(), "users may view themselves");
    assertEquals(403, api.get("/api/users/1", clerk).status());

    Resp updated = api.put("/api/users/" + id, "{\"name\":\"Renamed\",\"roles\":[\"user\"]}", tenant.token());
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Renamed", updated.obj().getJsonObject("data").getString("name"));
    assertEquals("[\"user\"]", api.get("/api/roles/user/" + id, tenant.token()).body());

    Resp pw = api.put("/api/users/password/" + id, "{\"password\":\"newpass1\",\"confirm_password\":\"newpass1\"}",
        tenant.token());
    assertEquals(200, pw.status(), pw.body());
    assertEquals(200, api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"newpass1\"}", null)
        .status());
    Resp mismatch = api.put("/api/users/password/" + id, "{\"password\":\"newpass1\",\"confirm_password\":\"x\"}",
        tenant.token());
    assertEquals(422, mismatch.status());

    Resp deleted = api.delete("/api/users/" + id, tenant.token());
    assertEquals(200, deleted.status());
    assertEquals("{\"data\":{\"message\":\"User deleted\"}}", deleted.body());
    assertEquals(401, api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"newpass1\"}", null)
        .status(), "a deleted user's e-mail no longer logs in");
    assertEquals(404, api.get("/api/users/" + id, tenant.token()).status());
  }

  @Test
  void aRoleNamedTwiceIsGivenOnce() {
    long id = createUser("twice-" + System.nanoTime() + "@example.com", "[\"admin\",\"admin\"]");
    assertEquals("[\"admin\"]", api.get("/api/roles/user/" + id, tenant.token()).body());
    Resp updated = api.put("/api/users/" + id, "{\"roles\":[\"user\",\"user\",\"admin\"]}", tenant.token());
    assertEquals(200, updated.status(), updated.body());
    assertEquals("[\"admin\",\"user\"]", api.get("/api/roles/user/" + id, tenant.token()).body());
  }

  @Test
  void duplicateEmailAnywhereIsRejected() {
    Resp r = api.post("/api/users", "{\"name\":\"Dup\",\"email\":\"demo_company_admin@example.com\","
        + "\"password\":\"secret123\"}", tenant.token());
    assertEquals(422, r.status());
    assertEquals("The email has already been taken.", r.message());
  }

  @Test
  void adminCannotManageTheOwnerNorAssignOwner() {
    String adminEmail = "admin-" + System.nanoTime() + "@example.com";
    long adminId = createUser(adminEmail, "[\"admin\"]");
    String admin = api.login(adminEmail, "secret123");
    Resp assign = api.post("/api/users", "{\"name\":\"X\",\"email\":\"x-" + System.nanoTime()
        + "@example.com\",\"password\":\"secret123\",\"roles\":[\"owner\"]}", admin);
    assertEquals(403, assign.status());
    assertEquals("You don't have permission to assign the role: owner", assign.message());
    assertEquals(403, api.put("/api/users/1", "{\"name\":\"Hijacked\"}", admin).status());
    assertEquals(403, api.delete("/api/users/1", admin).status());
    assertEquals(403, api.delete("/api/users/" + adminId, admin).status(), "nobody deletes themselves");
    Resp lastOwner = api.put("/api/users/1", "{\"roles\":[\"admin\"]}", tenant.token());
    assertEquals(403, lastOwner.status(), "the last owner keeps the owner role");
  }

  @Test
  void rolesAndPermissionsListings() {
    assertEquals(4, api.get("/api/roles", tenant.token()).arr().size());
    assertEquals(15, api.get("/api/roles/permissions", tenant.token()).arr().size());
    Resp details = api.get("/api/roles/details", tenant.token());
    assertEquals("user", details.arr().getJsonObject(3).getString("name"));
    assertEquals("[\"customers\",\"appliances\",\"tickets\"]",
        details.arr().getJsonObject(3).getJsonArray("permissions").toString());
  }

  @Test
  void apiKeysAreShownOnceAndStoredHashed() {
    Resp created = api.post("/api/api-keys", "{\"name\":\"integration\"}", tenant.token());
    assertEquals(201, created.status(), created.body());
    String token = created.obj().getJsonObject("data").getString("token");
    assertEquals(72, token.length());
    long id = created.obj().getJsonObject("data").getJsonNumber("id").longValue();
    Resp list = api.get("/api/api-keys", tenant.token());
    JsonObject key = list.obj().getJsonArray("data").getJsonObject(0);
    assertEquals(64, key.getString("token_hash").length());
    assertTrue(!list.body().contains(token));
    Resp revoked = api.delete("/api/api-keys/" + id, tenant.token());
    assertEquals("{\"message\":\"revoked\"}", revoked.body());
    assertEquals(404, api.delete("/api/api-keys/" + id, tenant.token()).status());
  }

  @Test
  void pluginsAndRegistrationTails() {
    Resp on = api.put("/api/plugins/22", "{\"checked\":true}", tenant.token());
    assertEquals(200, on.status(), on.body());
    assertEquals(1, on.obj().getJsonObject("data").getInt("status"));
    assertTrue(api.get("/api/registration-tails", tenant.token()).body().contains("DemoShsManufacturer"));
    api.put("/api/plugins/22", "{\"checked\":false}", tenant.token());
    assertTrue(!api.get("/api/registration-tails", tenant.token()).body().contains("DemoShsManufacturer"));
    assertEquals(404, api.put("/api/plugins/999", "{\"checked\":true}", tenant.token()).status());
    assertEquals(422, api.put("/api/plugins/22", "{\"checked\":\"maybe\"}", tenant.token()).status());
    long tail = api.get("/api/registration-tails", tenant.token()).obj().getJsonArray("data").getJsonObject(0)
        .getJsonNumber("id").longValue();
    Resp adjusted = api.put("/api/registration-tails/" + tail, "{\"adjusted\":true}", tenant.token());
    assertEquals(true, adjusted.obj().getJsonObject("data").getBoolean("adjusted"));
  }
}

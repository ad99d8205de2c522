package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** A user's address, as the web console's profile and user pages set and read it; who may; two companies. */
class UserAddressesIT {

  static Api api;
  static Tenant a;
  static Tenant b;
  static long villageA;
  static long ownerA;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    a = api.registerCompany("user-addresses-a");
    b = api.registerCompany("user-addresses-b");
    villageA = PeopleIT.village(api, a, "Mjini");
    ownerA = me(a.token());
  }

  static long me(String token) {
    return api.get("/api/auth/me", token).obj().getJsonObject("user").getJsonNumber("id").longValue();
  }

  /** A new user of company A with this role (password secret123); returns its id. */
  static long user(String role) {
    String email = role + "-" + System.nanoTime() + "@example.com";
    Resp r = api.post("/api/users", "{\"name\":\"Addr " + role + "\",\"email\":\"" + email
        + "\",\"password\":\"secret123\",\"roles\":[\"" + role + "\"]}", a.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  static String login(long userId) {
    String email = api.get("/api/users/" + userId, a.token()).obj().getJsonObject("data").getString("email");
    return api.login(email, "secret123");
  }

  /** The body the console's profile page sends (UserService.update → putAddress). */
  static String profile(long id, String name, String phone, String street, Long city) {
    return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"street\":\"" + street + "\""
        + (city == null ? "" : ",\"city_id\":" + city) + "}";
  }

  static long addressRows(Tenant t, long userId) throws Exception {
    return Db.count(t, "SELECT COUNT(*) FROM addresses WHERE owner_type = 'users' AND owner_id = " + userId);
  }

  @Test
  void theProfileSetsTheNameAndAddress() throws Exception {
    long id = user("financial-manager");
    String token = login(id);
    assertEquals("{\"data\":[]}", api.get("/api/users/" + id + "/addresses", token).body());
    assertEquals(JsonValue.NULL, api.get("/api/users/" + id, token).obj().getJsonObject("data")
        .get("address_details"));

    Resp saved = api.put("/api/users/" + id + "/addresses", profile(id, "Asha Profile", "+255 713 000 101",
        "Harbour Road 9", villageA), token);
    assertEquals(200, saved.status(), saved.body());
    JsonObject user = saved.obj().getJsonObject("data");
    assertEquals(List.of("id", "name", "company_id", "email", "created_at", "updated_at", "address_details"),
        List.copyOf(user.keySet()));
    assertEquals("Asha Profile", user.getString("name"));
    JsonObject address = user.getJsonObject("address_details");
    assertEquals("+255713000101", address.getString("phone"), "stored in E.164");
    assertEquals("Harbour Road 9", address.getString("street"));
    assertEquals(user.getString("email"), address.getString("email"), "the user's own e-mail");
    assertEquals(1, address.getInt("is_primary"));
    assertEquals(villageA, address.getJsonObject("city").getJsonNumber("id").longValue());
    assertEquals("Mjini", address.getJsonObject("city").getString("name"));

    // what the console reads back: GET /api/users/{id} → address_details.phone, .street, .city.id
    JsonObject shown = api.get("/api/users/" + id, token).obj().getJsonObject("data");
    assertEquals("Asha Profile", shown.getString("name"));
    assertEquals("+255713000101", shown.getJsonObject("address_details").getString("phone"));
    assertEquals(villageA, shown.getJsonObject("address_details").getJsonObject("city").getJsonNumber("id")
        .longValue());
    assertEquals("Harbour Road 9", api.get("/api/users/" + id + "/addresses", token).obj().getJsonObject("data")
        .getString("street"));

    Resp again = api.put("/api/users/" + id + "/addresses", profile(id, "Asha Profile", "+255713000102",
        "Harbour Road 10", villageA), token);
    assertEquals(address.getInt("id"), again.obj().getJsonObject("data").getJsonObject("address_details")
        .getInt("id"), "the same address, changed");
    assertEquals(1, addressRows(a, id));

    JsonObject listed = api.get("/api/users?per_page=100", a.token()).obj().getJsonArray("data").stream()
        .map(JsonValue::asJsonObject).filter(u -> u.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    assertEquals("Harbour Road 10", listed.getJsonObject("address_details").getString("street"));
    JsonObject withoutAddress = api.get("/api/users?per_page=100", b.token()).obj().getJsonArray("data")
        .getJsonObject(0);
    assertEquals("[]", withoutAddress.get("address_details").toString(), "MPM's list gives [] for none");

    assertEquals(200, api.delete("/api/users/" + id, a.token()).status());
    assertEquals(0, addressRows(a, id), "the address goes with the user");
  }

  @Test
  void createAddressRequestsRules() throws Exception {
    long id = user("user");
    String token = login(id);
    Resp noCity = api.put("/api/users/" + id + "/addresses", profile(id, "X Y", "+255713000103", "Road", null),
        token);
    assertEquals(422, noCity.status());
    assertEquals("The city id field is required.", noCity.message());
    Resp national = api.put("/api/users/" + id + "/addresses", profile(id, "X Y", "0713000103", "Road", villageA),
        token);
    assertEquals(422, national.status());
    assertEquals("[\"The phone field must be a valid number.\"]",
        national.obj().getJsonObject("errors").getJsonArray("phone").toString());
    Resp unknownCity = api.put("/api/users/" + id + "/addresses", profile(id, "X Y", "+255713000103", "Road",
        999_999L), token);
    assertEquals("[\"The selected city id is invalid.\"]",
        unknownCity.obj().getJsonObject("errors").getJsonArray("city_id").toString());
    assertEquals(0, addressRows(a, id), "nothing written");
    assertEquals("Addr user", api.get("/api/users/" + id, token).obj().getJsonObject("data").getString("name"));

    Resp noPhone = api.put("/api/users/" + id + "/addresses", "{\"city_id\":" + villageA + "}", token);
    assertEquals(200, noPhone.status(), noPhone.body());
    JsonObject user = noPhone.obj().getJsonObject("data");
    assertEquals("Addr user", user.getString("name"), "the name stays when not sent");
    assertEquals(JsonValue.NULL, user.getJsonObject("address_details").get("phone"));
  }

  @Test
  void whoMaySetWhoseAddress() {
    long clerk = user("user");
    String clerkToken = login(clerk);
    long admin = user("admin");
    String adminToken = login(admin);
    String body = profile(0, "Some Name", "+255713000104", "Road 1", villageA);

    assertEquals(200, api.put("/api/users/" + clerk + "/addresses", body, clerkToken).status(), "yourself");
    Resp post = api.post("/api/users/" + clerk + "/addresses", body, clerkToken);
    assertEquals(403, post.status(), "POST needs the users permission, as in MPM");
    assertEquals("User does not have the right permissions.", post.message());
    assertEquals(200, api.get("/api/users/" + clerk + "/addresses", clerkToken).status());
    Resp foreign = api.get("/api/users/" + ownerA + "/addresses", clerkToken);
    assertEquals(403, foreign.status());
    assertEquals("This action is unauthorized.", foreign.message());
    assertEquals(403, api.put("/api/users/" + admin + "/addresses", body, clerkToken).status());

    assertEquals(200, api.post("/api/users/" + clerk + "/addresses", body, adminToken).status());
    assertEquals(200, api.get("/api/users/" + clerk + "/addresses", adminToken).status());
    assertEquals(403, api.put("/api/users/" + ownerA + "/addresses", body, adminToken).status(),
        "an owner's needs users.manage-owner");
    assertEquals(403, api.post("/api/users/" + ownerA + "/addresses", body, adminToken).status());
    assertEquals(200, api.post("/api/users/" + admin + "/addresses", body, a.token()).status());

    Resp unknown = api.get("/api/users/999999/addresses", a.token());
    assertEquals(404, unknown.status());
    assertEquals("No query results for model [App\\Models\\User] 999999", unknown.message());
    assertEquals(401, api.get("/api/users/" + clerk + "/addresses", null).status());
  }

  @Test
  void anotherCompanyNeitherSeesNorChangesTheAddresses() throws Exception {
    long id = user("user");
    assertEquals(200, api.post("/api/users/" + id + "/addresses", profile(id, "Addr user", "+255713000105",
        "Kept Road", villageA), a.token()).status());
    assertEquals(404, api.get("/api/users/" + id + "/addresses", b.token()).status());
    assertEquals(404, api.put("/api/users/" + id + "/addresses", profile(id, "Hijack", "+255713000106", "Taken",
        villageA), b.token()).status());
    assertEquals(404, api.post("/api/users/" + id + "/addresses", profile(id, "Hijack", "+255713000106", "Taken",
        villageA), b.token()).status());

    long ownerB = me(b.token());
    assertEquals(ownerA, ownerB, "both owners are user 1 of their own company");
    Resp foreignCity = api.put("/api/users/" + ownerB + "/addresses", profile(ownerB, "Owner B", "+255713000107",
        "B Road", villageA), b.token());
    assertEquals(422, foreignCity.status(), "company A's village is unknown to company B");
    assertEquals(0, addressRows(b, ownerB));

    JsonObject kept = api.get("/api/users/" + id + "/addresses", a.token()).obj().getJsonObject("data");
    assertEquals("Kept Road", kept.getString("street"));
    assertEquals("+255713000105", kept.getString("phone"));
    assertEquals(0, addressRows(a, ownerA), "company A's owner has no address from company B's requests");
    assertTrue(api.get("/api/users", b.token()).body().contains("\"address_details\":[]"));
  }
}

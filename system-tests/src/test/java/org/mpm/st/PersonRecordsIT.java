package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.FilePart;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** What is kept about a person beyond its name: documents, onboarding answers, addresses, maintenance persons. */
class PersonRecordsIT {

  static Api api;
  static Tenant a;
  static Tenant b;
  static long village;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    a = api.registerCompany("records-a");
    b = api.registerCompany("records-b");
    village = PeopleIT.village(api, a, "Mchangani");
  }

  static long person(Tenant t, String name, String phone, Long city) {
    Resp r = PeopleIT.create(t, name, "Records", phone, city);
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  static byte[] pdf(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  static byte[] docx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static Resp upload(Tenant t, long personId, String type, FilePart file) {
    return api.postMultipart("/api/people/" + personId + "/documents", type == null ? Map.of() : Map.of("type", type),
        file == null ? List.of() : List.of(file), t.token());
  }

  @Test
  void documentsAreStoredListedDownloadedAndDeleted() throws IOException {
    long id = person(a, "Tatu", "+255713000001", village);
    byte[] content = pdf(200_000);
    Resp up = upload(a, id, "national_id", new FilePart("file", "id card.pdf", "application/pdf", content));
    assertEquals(201, up.status(), up.body());
    JsonObject doc = up.obj().getJsonObject("data");
    assertEquals(id, doc.getJsonNumber("person_id").longValue());
    assertEquals("customer_upload", doc.getString("category"));
    assertEquals("national_id", doc.getString("type"));
    assertEquals("id card.pdf", doc.getString("original_name"));
    assertEquals("application/pdf", doc.getString("mime_type"));
    assertEquals(200_000, doc.getInt("file_size"));
    String location = doc.getString("location");
    assertEquals("documents/companies/" + a.companyId() + "/persons/" + id, location);
    assertTrue(doc.getString("name").matches("[0-9a-f-]{36}\\.pdf"), doc.getString("name"));
    Path stored = TestServer.get().storageDir().resolve(location).resolve(doc.getString("name"));
    assertArrayEquals(content, Files.readAllBytes(stored));
    long docId = doc.getJsonNumber("id").longValue();

    HttpResponse<byte[]> file = api.download("/api/person-documents/" + docId + "/download", a.token());
    assertEquals(200, file.statusCode());
    assertArrayEquals(content, file.body());
    assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElse(""));
    assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));

    assertEquals(201, upload(a, id, "contract", new FilePart("file", "contract.docx", "application/msword", docx()))
        .status());
    assertEquals(201, upload(a, id, "photo_id", new FilePart("file", "b.pdf", "application/pdf", pdf(10))).status());
    JsonArray list = api.get("/api/people/" + id + "/documents", a.token()).obj().getJsonArray("data");
    assertEquals(3, list.size());
    assertEquals("photo_id", list.getJsonObject(0).getString("type"), "newest first");
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        list.getJsonObject(1).getString("mime_type"), "type from the content, not from the client");

    Resp fourth = upload(a, id, "extra", new FilePart("file", "c.pdf", "application/pdf", pdf(10)));
    assertEquals(422, fourth.status());
    assertEquals("[\"Maximum of 3 documents reached for this customer.\"]",
        fourth.obj().getJsonObject("errors").getJsonArray("file").toString());

    // another company sees none of it
    assertEquals(404, api.get("/api/people/" + id + "/documents", b.token()).status());
    assertEquals(404, api.download("/api/person-documents/" + docId + "/download", b.token()).statusCode());
    assertEquals(404, api.delete("/api/person-documents/" + docId, b.token()).status());
    assertEquals(404, upload(b, id, "x", new FilePart("file", "d.pdf", "application/pdf", pdf(10))).status());
    assertTrue(Files.exists(stored));

    Resp deleted = api.delete("/api/person-documents/" + docId, a.token());
    assertEquals("{\"data\":{\"message\":\"deleted\"}}", deleted.body());
    assertFalse(Files.exists(stored), "the file goes with the record");
    assertEquals(404, api.download("/api/person-documents/" + docId + "/download", a.token()).statusCode());
    assertEquals(2, api.get("/api/people/" + id + "/documents", a.token()).obj().getJsonArray("data").size());
  }

  @Test
  void badUploadsAre422AndStoreNothing() {
    long id = person(a, "Sita", "+255713000002", null);
    Resp noFile = upload(a, id, "national_id", null);
    assertEquals(422, noFile.status());
    assertEquals("[\"The file field is required.\"]", noFile.obj().getJsonObject("errors").getJsonArray("file")
        .toString());
    Resp text = upload(a, id, "national_id", new FilePart("file", "id.pdf", "application/pdf",
        "just text".getBytes(StandardCharsets.UTF_8)));
    assertEquals("[\"The file field must be a file of type: pdf, docx.\"]",
        text.obj().getJsonObject("errors").getJsonArray("file").toString());
    Resp noType = upload(a, id, null, new FilePart("file", "id.pdf", "application/pdf", pdf(100)));
    assertEquals("[\"The type field is required.\"]", noType.obj().getJsonObject("errors").getJsonArray("type")
        .toString());
    Resp big = upload(a, id, "scan", new FilePart("file", "big.pdf", "application/pdf", pdf(5 * 1024 * 1024 + 1)));
    assertEquals("[\"The file field must not be greater than 5120 kilobytes.\"]",
        big.obj().getJsonObject("errors").getJsonArray("file").toString());
    Resp huge = upload(a, id, "scan", new FilePart("file", "huge.pdf", "application/pdf", pdf(7 * 1024 * 1024)));
    assertEquals(413, huge.status());
    Resp json = api.post("/api/people/" + id + "/documents", "{\"type\":\"x\"}", a.token());
    assertEquals(415, json.status(), json.body());
    assertEquals(0, api.get("/api/people/" + id + "/documents", a.token()).obj().getJsonArray("data").size());
  }

  @Test
  void onboardingAnswersAreKept() {
    long id = person(a, "Saba", "+255713000003", null);
    // the body of the console's customer page (PersonService.updateOnboarding)
    Resp r = api.put("/api/people/" + id + "/onboarding", "{\"answers\":[{\"question\":\"Main use?\","
        + "\"answer\":\"Lighting\"},{\"question\":\"Household size\",\"answer\":\"5\"},"
        + "{\"question\":\"Animals\",\"answer\":\"\"}]}", a.token());
    assertEquals(200, r.status(), r.body());
    String stored = "{\"Main use?\":\"Lighting\",\"Household size\":\"5\",\"Animals\":null}";
    assertEquals(stored, r.obj().getJsonObject("data").getJsonObject("onboarding_json").toString());
    assertEquals(stored, onboarding(id).toString(), "keyed by question in the order of the rows");
    Resp reordered = api.put("/api/people/" + id + "/onboarding", "{\"answers\":[{\"question\":\"Household size\","
        + "\"answer\":\"6\"},{\"question\":\"Main use?\",\"answer\":\"Lighting\"}]}", a.token());
    assertEquals("{\"Household size\":\"6\",\"Main use?\":\"Lighting\"}",
        reordered.obj().getJsonObject("data").getJsonObject("onboarding_json").toString());

    Resp twice = api.put("/api/people/" + id + "/onboarding", "{\"answers\":[{\"question\":\"Roof\"},"
        + "{\"question\":\"Size\"},{\"question\":\"ROOF\",\"answer\":\"tin\"}]}", a.token());
    assertEquals(422, twice.status());
    assertEquals("The answers.0.question field has a duplicate value. (and 1 more error)", twice.message());
    assertEquals("[\"The answers.2.question field has a duplicate value.\"]",
        twice.obj().getJsonObject("errors").getJsonArray("answers.2.question").toString());
    StringBuilder many = new StringBuilder("{\"answers\":[");
    for (int i = 0; i < 51; i++) {
      many.append(i == 0 ? "" : ",").append("{\"question\":\"Q").append(i).append("\",\"answer\":\"A\"}");
    }
    Resp tooMany = api.put("/api/people/" + id + "/onboarding", many.append("]}").toString(), a.token());
    assertEquals(422, tooMany.status());
    assertEquals("The answers field must not have more than 50 items.", tooMany.message());
    Resp noQuestion = api.put("/api/people/" + id + "/onboarding", "{\"answers\":[{\"answer\":\"x\"}]}",
        a.token());
    assertEquals("The answers.0.question field is required.", noQuestion.message());
    Resp former = api.put("/api/people/" + id + "/onboarding", "{\"onboarding_json\":[{\"question\":\"Q\","
        + "\"answer\":\"A\"}]}", a.token());
    assertEquals("The answers field must be present.", former.message());
    assertEquals(404, api.put("/api/people/" + id + "/onboarding", "{\"answers\":[]}", b.token()).status());
    assertEquals("{\"Household size\":\"6\",\"Main use?\":\"Lighting\"}", onboarding(id).toString(),
        "unchanged by the refused requests");

    Resp cleared = api.put("/api/people/" + id + "/onboarding", "{\"answers\":[]}", a.token());
    assertEquals(200, cleared.status(), cleared.body());
    assertEquals(JsonValue.NULL, cleared.obj().getJsonObject("data").get("onboarding_json"));
  }

  private static JsonObject onboarding(long personId) {
    return api.get("/api/people/" + personId, a.token()).obj().getJsonObject("data").getJsonObject("onboarding_json");
  }

  @Test
  void maintenancePersonsAreFoundByPhoneOrCreated() {
    Resp created = api.post("/api/maintenance/user", "{\"name\":\"Fundi\",\"surname\":\"Umeme\","
        + "\"phone\":\"+255713000777\",\"city_id\":" + village + "}", a.token());
    assertEquals(201, created.status(), created.body());
    JsonObject m = created.obj().getJsonObject("data");
    assertEquals("maintenance", m.getString("type"));
    assertEquals(0, m.getInt("is_customer"));
    long id = m.getJsonNumber("id").longValue();
    Resp again = api.post("/api/maintenance/user", "{\"name\":\"Other\",\"surname\":\"Name\","
        + "\"phone\":\"+255713000777\"}", a.token());
    assertEquals(id, again.obj().getJsonObject("data").getJsonNumber("id").longValue(), "same phone, same person");
    long customer = person(a, "Kumi", "+255713000004", null);
    Resp promoted = api.post("/api/maintenance/user", "{\"name\":\"Kumi\",\"surname\":\"Records\","
        + "\"phone\":\"+255713000004\"}", a.token());
    assertEquals(customer, promoted.obj().getJsonObject("data").getJsonNumber("id").longValue());
    assertEquals("maintenance", promoted.obj().getJsonObject("data").getString("type"));
    JsonArray list = api.get("/api/maintenance", a.token()).obj().getJsonArray("data");
    assertTrue(list.stream().anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
    assertEquals(0, api.get("/api/maintenance", b.token()).obj().getJsonArray("data").size());

    Resp bad = api.post("/api/maintenance/user", "{\"name\":\"Fu\",\"surname\":\"Umeme\",\"phone\":\"07130007780\"}",
        a.token());
    assertEquals(422, bad.status());
    assertEquals("The name field must be at least 3 characters. (and 1 more error)", bad.message());
    assertEquals("[\"The phone field format is invalid.\"]",
        bad.obj().getJsonObject("errors").getJsonArray("phone").toString());
  }

  @Test
  void addressesOfTheCompany() {
    long id = person(a, "Tisa", "+255713000005", village);
    Resp added = api.post("/api/addresses", "{\"person_id\":" + id + ",\"phone\":\"+255713000006\",\"street\":"
        + "\"Dock Lane 1\",\"city_id\":" + village + "}", a.token());
    assertEquals(201, added.status(), added.body());
    long addressId = added.obj().getJsonObject("data").getJsonNumber("id").longValue();
    Resp shown = api.get("/api/addresses/" + addressId, a.token());
    assertEquals("Dock Lane 1", shown.obj().getJsonObject("data").getString("street"));
    assertEquals("Mchangani", shown.obj().getJsonObject("data").getJsonObject("city").getString("name"));
    Resp changed = api.put("/api/addresses/" + addressId, "{\"street\":\"Dock Lane 2\",\"is_primary\":true}",
        a.token());
    assertEquals(200, changed.status(), changed.body());
    assertEquals(1, changed.obj().getJsonObject("data").getInt("is_primary"));
    JsonArray own = api.get("/api/people/" + id + "/addresses", a.token()).obj().getJsonArray("data");
    assertEquals(1, own.stream().filter(v -> v.asJsonObject().getInt("is_primary") == 1).count(), "one primary");

    JsonObject page = api.get("/api/addresses?per_page=1", a.token()).obj();
    assertEquals(1, page.getJsonArray("data").size());
    assertTrue(page.getInt("total") >= 2, page.toString());
    assertEquals(page.getInt("total"), api.get("/api/addresses", a.token()).obj().getJsonArray("data").size());

    assertEquals(404, api.get("/api/addresses/" + addressId, b.token()).status());
    assertEquals(404, api.put("/api/addresses/" + addressId, "{\"street\":\"Hijack\"}", b.token()).status());
    assertEquals(404, api.post("/api/addresses", "{\"person_id\":" + id + "}", b.token()).status());
    assertEquals("Dock Lane 2", api.get("/api/addresses/" + addressId, a.token()).obj().getJsonObject("data")
        .getString("street"));
    assertEquals(422, api.post("/api/addresses", "{\"phone\":\"+255713000009\"}", a.token()).status());
  }

  @Test
  void aVillageWithCustomersIsNotDeleted() {
    long v = PeopleIT.village(api, a, "Kijiji");
    long id = person(a, "Nane", "+255713000008", v);
    Resp refused = api.delete("/api/cities/" + v, a.token());
    assertEquals(422, refused.status());
    assertEquals("Village cannot be deleted while customers live in it. Move or delete the customers first.",
        refused.message());
    assertEquals(200, api.get("/api/cities/" + v, a.token()).status());
    api.delete("/api/people/" + id, a.token());
    assertEquals("Village deleted.", api.delete("/api/cities/" + v, a.token()).message());
  }
}

package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Password reset by e-mail, end to end: the request, the mail as the suite's SMTP server receives it, the link's
 * token checked and used once, its expiry, and the same answer for any e-mail.
 */
class PasswordResetIT {

  static final String SENT = "{\"data\":{\"message\":\"If the email exists, a reset link has been sent.\","
      + "\"status_code\":200}}";
  static final String DONE = "{\"data\":{\"message\":\"Password has been reset successfully.\",\"status_code\":200}}";
  static final String REFUSED = "{\"data\":{\"message\":\"Invalid or expired token.\",\"status_code\":400}}";
  static final Pattern LINK = Pattern.compile(Pattern.quote("href=\"" + TestServer.CONSOLE_URL
      + "/#/reset-password?token=") + "([A-Za-z0-9_-]+)\"");

  static Api api;
  static Tenant a;
  static Tenant b;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    a = api.registerCompany("reset-a");
    b = api.registerCompany("reset-b");
  }

  /** A new user of the company (password secret123); returns its e-mail. */
  static String user(Tenant t, String prefix) {
    String email = prefix + "-" + System.nanoTime() + "@example.com";
    Resp r = api.post("/api/users", "{\"name\":\"Reset " + prefix + "\",\"email\":\"" + email
        + "\",\"password\":\"secret123\",\"roles\":[\"user\"]}", t.token());
    assertEquals(200, r.status(), r.body());
    return email;
  }

  static Resp forgot(String email) {
    return api.post("/api/users/password", "{\"email\":\"" + email + "\"}", null);
  }

  /** Waits (up to 30 s) until the SMTP server holds {@code count} mails to the address; returns the last. */
  static MimeMessage awaitMail(String email, int count) throws Exception {
    long end = System.nanoTime() + 30_000_000_000L;
    List<MimeMessage> mails = TestServer.get().mailsTo(email);
    while (mails.size() < count && System.nanoTime() < end) {
      Thread.sleep(100);
      mails = TestServer.get().mailsTo(email);
    }
    assertEquals(count, mails.size(), "mails to " + email);
    return mails.get(count - 1);
  }

  /** The token of the reset link in a mail. */
  static String tokenOf(MimeMessage mail) throws Exception {
    Matcher m = LINK.matcher((String) mail.getContent());
    assertTrue(m.find(), "a link to the console's reset page: " + mail.getContent());
    return m.group(1);
  }

  static Resp confirm(String token, String password) {
    return api.post("/api/users/password/confirm", "{\"token\":\"" + token + "\",\"password\":\"" + password
        + "\",\"password_confirmation\":\"" + password + "\"}", null);
  }

  static String validate(String token) {
    Resp r = api.get("/api/users/password/validate/" + token, null);
    assertEquals(200, r.status(), r.body());
    return r.body();
  }

  static int loginStatus(String email, String password) {
    return api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null)
        .status();
  }

  static String sha256(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  /** The e-mail and token inside a composite token (MPM's base64url of {"e","t"}). */
  static JsonObject composite(String token) {
    String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }

  static String craft(String email, String rawToken) {
    String json = Json.createObjectBuilder().add("e", email).add("t", rawToken).build().toString();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aResetLinkWorksOnce() throws Exception {
    String email = user(a, "forgot");
    Resp r = forgot(email);
    assertEquals(200, r.status(), r.body());
    assertEquals(SENT, r.body());
    MimeMessage mail = awaitMail(email, 1);
    assertEquals("Reset your password | MicroPowerManager", mail.getSubject());
    assertEquals(TestServer.MAIL_FROM, ((InternetAddress) mail.getFrom()[0]).getAddress());
    assertTrue(mail.getContentType().startsWith("text/html"), mail.getContentType());
    assertTrue(((String) mail.getContent()).contains("Dear Reset forgot,"));
    String token = tokenOf(mail);
    JsonObject inside = composite(token);
    assertEquals(email, inside.getString("e"));
    String raw = inside.getString("t");
    assertTrue(raw.matches("[A-Za-z0-9]{64}"), raw);

    try (Connection c = Db.tenant(a)) {
      // The SMTP server may hold the mail a moment before the server has recorded the delivery.
      long end = System.nanoTime() + 10_000_000_000L;
      while (Db.count(c, "SELECT COUNT(*) FROM mails WHERE receiver = ? AND status = 1", email) == 0
          && System.nanoTime() < end) {
        Thread.sleep(100);
      }
      assertEquals(1, Db.count(c, "SELECT COUNT(*) FROM password_resets WHERE email = ? AND token = ?", email,
          sha256(raw)), "only the token's hash is stored");
      assertEquals(0, Db.count(c, "SELECT COUNT(*) FROM password_resets WHERE token = ?", raw));
      try (PreparedStatement s = c.prepareStatement("SELECT body, payload, status, mailer, attempts, subject"
          + " FROM mails WHERE receiver = ?")) {
        s.setString(1, email);
        try (ResultSet rs = s.executeQuery()) {
          assertTrue(rs.next(), "the mail is recorded");
          assertTrue(rs.getString(1).contains("/#/reset-password?token=[hidden]"), rs.getString(1));
          assertFalse(rs.getString(1).contains(raw), "the kept mail has no token");
          assertFalse(rs.getString(1).contains(token));
          assertNull(rs.getString(2), "the mail as sent is dropped once delivered");
          assertEquals(1, rs.getInt(3));
          assertEquals("smtp", rs.getString(4));
          assertEquals(1, rs.getInt(5));
          assertEquals("Reset your password | MicroPowerManager", rs.getString(6));
          assertFalse(rs.next());
        }
      }
    }

    assertEquals("{\"data\":{\"valid\":true,\"email\":\"" + email + "\"}}", validate(token));
    Resp mismatch = api.post("/api/users/password/confirm", "{\"token\":\"" + token + "\",\"password\":\"newpass1\","
        + "\"password_confirmation\":\"newpass2\"}", null);
    assertEquals(422, mismatch.status());
    assertEquals("[\"The password confirmation field must match password.\"]",
        mismatch.obj().getJsonObject("errors").getJsonArray("password_confirmation").toString());
    Resp tooShort = confirm(token, "abc");
    assertEquals("[\"The password field must be at least 6 characters.\"]",
        tooShort.obj().getJsonObject("errors").getJsonArray("password").toString());
    assertEquals(200, loginStatus(email, "secret123"), "refused requests change nothing");

    Resp done = confirm(token, "newpass1");
    assertEquals(200, done.status(), done.body());
    assertEquals(DONE, done.body());
    assertEquals(200, loginStatus(email, "newpass1"));
    assertEquals(401, loginStatus(email, "secret123"));

    assertEquals(REFUSED, confirm(token, "another1").body(), "a token works once");
    assertEquals("{\"data\":{\"valid\":false,\"email\":null}}", validate(token));
    assertEquals(200, loginStatus(email, "newpass1"));
    assertEquals(0, Db.count(a, "SELECT COUNT(*) FROM password_resets WHERE email = '" + email + "'"));
  }

  @Test
  void aTokenExpiresAfterAnHour() throws Exception {
    String email = user(a, "late");
    assertEquals(SENT, forgot(email).body());
    String token = tokenOf(awaitMail(email, 1));
    assertTrue(validate(token).contains("\"valid\":true"));
    try (Connection c = Db.tenant(a)) {
      Db.exec(c, "UPDATE password_resets SET created_at = created_at - INTERVAL 61 MINUTE WHERE email = ?", email);
    }
    assertEquals("{\"data\":{\"valid\":false,\"email\":null}}", validate(token));
    assertEquals(REFUSED, confirm(token, "newpass1").body());
    assertEquals(200, loginStatus(email, "secret123"));

    assertEquals(SENT, forgot(email).body(), "a new request after that sends a new link");
    String second = tokenOf(awaitMail(email, 2));
    assertNotEquals(token, second);
    assertEquals(REFUSED, confirm(token, "newpass1").body());
    assertEquals(DONE, confirm(second, "newpass1").body());
    assertEquals(200, loginStatus(email, "newpass1"));
  }

  @Test
  void aSecondRequestWithinAMinuteSendsNothing() throws Exception {
    String email = user(b, "twice");
    assertEquals(SENT, forgot(email).body());
    String token = tokenOf(awaitMail(email, 1));
    assertEquals(SENT, forgot(email).body());
    Thread.sleep(2_000);
    assertEquals(1, TestServer.get().mailsTo(email).size());
    assertEquals(DONE, confirm(token, "newpass1").body(), "the first link still works");
    assertEquals(200, loginStatus(email, "newpass1"));
  }

  @Test
  void anyOtherEmailGetsTheSameAnswerAndNoMail() throws Exception {
    String agent = "agent-reset-" + System.nanoTime() + "@example.com";
    Db.insertAgent(a.companyId(), agent, a.companyId());
    String unknown = "nobody-" + System.nanoTime() + "@example.com";
    String company = "info-" + a.name().replace(" Energy", "") + "@example.com";
    for (String email : List.of(unknown, agent, company, unknown.toUpperCase())) {
      Resp r = forgot(email);
      assertEquals(200, r.status(), email);
      assertEquals(SENT, r.body(), email);
    }
    String known = user(b, "known");
    assertEquals(SENT, forgot(known).body());
    awaitMail(known, 1);
    Thread.sleep(1_000);
    for (String email : List.of(unknown, agent, company)) {
      assertEquals(0, TestServer.get().mailsTo(email).size(), email);
    }
    assertEquals(0, Db.count(a, "SELECT COUNT(*) FROM mails WHERE receiver = '" + agent + "'"));
    assertEquals(0, Db.count(a, "SELECT COUNT(*) FROM password_resets WHERE email = '" + agent + "'"));

    Resp invalid = api.post("/api/users/password", "{\"email\":\"not-an-email\"}", null);
    assertEquals(422, invalid.status());
    assertEquals("The email field must be a valid email address.", invalid.message());
    assertEquals("The email field is required.", api.post("/api/users/password", "{}", null).message());
  }

  @Test
  void aTokenNamesItsCompanyAndUserAndNothingElse() throws Exception {
    String inA = user(a, "owner-of-token");
    String inB = user(b, "other-company");
    assertEquals(SENT, forgot(inA).body());
    String raw = composite(tokenOf(awaitMail(inA, 1))).getString("t");
    String elsewhere = craft(inB, raw);
    assertEquals("{\"data\":{\"valid\":false,\"email\":null}}", validate(elsewhere),
        "a token of company A is nothing for a user of company B");
    assertEquals(REFUSED, confirm(elsewhere, "newpass1").body());
    String stranger = craft("nobody-" + System.nanoTime() + "@example.com", raw);
    assertEquals(REFUSED, confirm(stranger, "newpass1").body(), "an unknown e-mail is answered alike");
    for (String garbage : List.of("x", "%25", "eyJlIjoi", "W10")) {
      assertEquals("{\"data\":{\"valid\":false,\"email\":null}}", validate(garbage), garbage);
      assertEquals(REFUSED, confirm(garbage.replace("%25", "%"), "newpass1").body(), garbage);
    }
    assertEquals("{\"data\":{\"valid\":false,\"email\":null}}", validate("x".repeat(2000)));
    assertEquals(200, loginStatus(inA, "secret123"));
    assertEquals(200, loginStatus(inB, "secret123"));
    assertEquals(DONE, confirm(craft(inA, raw), "newpass1").body(), "the real token still works");
  }
}

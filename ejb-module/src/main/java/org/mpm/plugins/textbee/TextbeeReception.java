package org.mpm.plugins.textbee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.plugins.textbee.TextbeeCredentials.Credential;
import org.mpm.plugins.textbee.TextbeeInbox.Claim;
import org.mpm.sms.SmsReception;

/**
 * Where TextBee's received messages enter, from the webhook or from the poll (MPM's
 * {@code textbee-sms-gateway:fetch-incoming-sms}): a message with TextBee's id is stored once whichever way it came
 * ({@link TextbeeInbox}) and then announced as any incoming message is ({@link SmsReception}). The poll reads
 * TextBee's received-message listing ({@code GET …/gateway/devices/<device>/get-received-sms}, newest first) from
 * the company's cursor on, outside any transaction, under a claim that lets one node poll a company at a time; the
 * cursor moves past what was taken, so a poll starts where the last one ended. A plain bean.
 */
@ApplicationScoped
public class TextbeeReception {

  private static final Logger LOG = Logger.getLogger(TextbeeReception.class.getName());
  /** Messages asked for per page (TextBee's maximum). */
  static final int PAGE = 100;
  /** Pages read per poll at most; the rest is read by the next poll. */
  static final int MAX_PAGES = 10;
  /** How long a node holds a company's poll unless it ends it first. */
  static final Duration LEASE = Duration.ofMinutes(5);

  @Inject TextbeeInbox inbox;
  @Inject TextbeeCredentials credentials;
  @Inject TextbeeGateway gateway;
  @Inject SmsReception reception;

  /** A received message as TextBee lists or posts it. */
  record Received(String id, String sender, String message, LocalDateTime receivedAt) {}

  /**
   * A received message: stored and announced, unless TextBee's id was taken before (then nothing happens); a
   * message without an id is stored as it comes. Returns whether it was stored.
   */
  public boolean receive(String textbeeId, String sender, String message, String receivedAt) {
    if (textbeeId == null || textbeeId.isBlank()) {
      reception.receive(sender, message);
      return true;
    }
    return take(textbeeId, sender, message, time(receivedAt));
  }

  /**
   * Polls the current company's device, if the plugin is enabled with an API key and a device and no other node
   * is polling it; returns the number of messages stored.
   */
  public int poll() {
    Optional<Credential> usable = credentials.usable();
    if (usable.isEmpty()) {
      return 0;
    }
    Optional<Claim> claim = inbox.claimPoll(LEASE);
    if (claim.isEmpty()) {
      return 0;
    }
    LocalDateTime cursor = null;
    int stored = 0;
    try {
      List<Received> found;
      try {
        found = fetch(usable.get(), claim.get().after());
      } catch (RuntimeException e) {
        LOG.warning("TextBee's received messages could not be read; the next poll tries again: " + e.getMessage());
        return 0;
      }
      found.sort(Comparator.comparing(Received::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
      for (Received r : found) {
        if (take(r.id(), r.sender(), r.message(), r.receivedAt())) {
          stored++;
        }
        if (r.receivedAt() != null) {
          cursor = r.receivedAt();
        }
      }
    } finally {
      inbox.endPoll(cursor);
    }
    return stored;
  }

  private boolean take(String id, String sender, String message, LocalDateTime at) {
    return inbox.takeOnce(id, sender, message, at).map(in -> reception.announce(in, sender, message)).isPresent();
  }

  /**
   * The received messages from {@code after} on (inclusive: TextBee may list a message of that instant again), or
   * the first page when the company was never polled.
   */
  private List<Received> fetch(Credential credential, LocalDateTime after) {
    List<Received> out = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonObject answer = gateway.receivedPage(credential, page, PAGE);
      JsonArray data = answer.get("data") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
      boolean older = false;
      for (JsonValue v : data) {
        if (!(v instanceof JsonObject o) || !(o.get("_id") instanceof JsonValue)) {
          continue;
        }
        Received r = new Received(text(o, "_id"), text(o, "sender"), text(o, "message"),
            time(text(o, "receivedAt")));
        if (after != null && r.receivedAt() != null && r.receivedAt().isBefore(after)) {
          older = true;
          continue;
        }
        if (r.id() != null && r.sender() != null && r.message() != null) {
          out.add(r);
        }
      }
      int pages = answer.get("meta") instanceof JsonObject meta ? meta.getInt("totalPages", page) : page;
      if (after == null || older || data.isEmpty() || page >= pages) {
        break;
      }
    }
    return out;
  }

  private static String text(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  /** TextBee's ISO-8601 instant in UTC to the millisecond (as kept), or null when absent or unreadable. */
  static LocalDateTime time(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.ofInstant(Instant.parse(iso), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      LOG.log(Level.FINE, "Unreadable TextBee time " + iso, e);
      return null;
    }
  }
}

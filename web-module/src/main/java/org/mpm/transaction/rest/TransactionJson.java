package org.mpm.transaction.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.mpm.agent.AgentTransaction;
import org.mpm.customer.PersonView;
import org.mpm.customer.rest.PersonJson;
import org.mpm.device.DeviceService.DeviceRow;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.Json;
import org.mpm.sms.Sms;
import org.mpm.transaction.CashTransaction;
import org.mpm.transaction.PaymentHistory;
import org.mpm.transaction.ThirdPartyTransaction;
import org.mpm.transaction.Transaction;
import org.mpm.transaction.TransactionConflict;
import org.mpm.transaction.TransactionService.AgentItem;
import org.mpm.transaction.TransactionService.Comparison;
import org.mpm.transaction.TransactionService.Detail;
import org.mpm.transaction.TransactionService.Figures;
import org.mpm.transaction.TransactionService.Item;
import org.mpm.user.User;

/** Transactions as MPM's Eloquent JSON, and the period comparison of {@code analytics/{period}}. */
public final class TransactionJson {

  private TransactionJson() {}

  /** A transactions row (all columns). */
  public static Map<String, Object> transaction(Transaction t) {
    return Json.obj("id", t.getId(), "original_transaction_id", t.getOriginalTransactionId(),
        "original_transaction_type", t.getOriginalTransactionType(), "amount", t.getAmount(), "type", t.getType(),
        "sender", t.getSender(), "message", t.getMessage(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()));
  }

  /** A list item: the row with {@code original_transaction} (null when the provider row is not readable). */
  public static Map<String, Object> item(Item i) {
    Map<String, Object> m = transaction(i.transaction());
    m.put("original_transaction", original(i.original()));
    return m;
  }

  public static Map<String, Object> original(Object row) {
    if (row instanceof CashTransaction c) {
      return Json.obj("id", c.getId(), "user_id", c.getUserId(), "status", c.getStatus(),
          "manufacturer_transaction_type", c.getManufacturerTransactionType(),
          "manufacturer_transaction_id", c.getManufacturerTransactionId(), "created_at", Json.ts(c.getCreatedAt()),
          "updated_at", Json.ts(c.getUpdatedAt()));
    }
    if (row instanceof AgentTransaction a) {
      return Json.obj("id", a.getId(), "agent_id", a.getAgentId(), "mobile_device_id", a.getMobileDeviceId(),
          "status", a.getStatus(), "manufacturer_transaction_type", a.getManufacturerTransactionType(),
          "manufacturer_transaction_id", a.getManufacturerTransactionId(), "created_at", Json.ts(a.getCreatedAt()),
          "updated_at", Json.ts(a.getUpdatedAt()));
    }
    if (row instanceof ThirdPartyTransaction c) {
      return Json.obj("id", c.getId(), "transaction_id", c.getTransactionId(), "status", c.getStatus(),
          "description", c.getDescription(), "manufacturer_transaction_type", c.getManufacturerTransactionType(),
          "manufacturer_transaction_id", c.getManufacturerTransactionId(), "created_at", Json.ts(c.getCreatedAt()),
          "updated_at", Json.ts(c.getUpdatedAt()));
    }
    return null;
  }

  /** The detail: token, original_transaction (+ conflicts, + user of a cash payment), payment_histories, device. */
  public static Map<String, Object> detail(Detail d, PersonView owner) {
    Map<String, Object> m = transaction(d.transaction());
    m.put("token", d.token() == null ? null : DeviceJson.token(d.token()));
    Map<String, Object> original = original(d.original());
    if (original != null) {
      original.put("conflicts", d.conflicts().stream().map(TransactionJson::conflict).toList());
      if (d.original() instanceof CashTransaction) {
        original.put("user", user(d.user()));
      }
    }
    m.put("original_transaction", original);
    m.put("sms", d.sms() == null ? null : sms(d.sms()));
    m.put("payment_histories", d.payments().stream().map(TransactionJson::payment).toList());
    m.put("device", ownedDevice(d.device(), owner));
    return m;
  }

  /** An agent-app list item: the row with {@code original_transaction} and {@code device} (as in the detail). */
  public static Map<String, Object> agentItem(AgentItem i, PersonView owner) {
    Map<String, Object> m = item(i.item());
    m.put("device", ownedDevice(i.device(), owner));
    return m;
  }

  /** A transaction's {@code device}: the devices row with its {@code device} and {@code person}, or null. */
  private static Map<String, Object> ownedDevice(DeviceRow row, PersonView owner) {
    if (row == null || owner == null) {
      return null;
    }
    Map<String, Object> device = DeviceJson.device(row.device());
    device.put("device", DeviceJson.concrete(row.concrete()));
    device.put("person", PersonJson.person(owner));
    return device;
  }

  /** An {@code sms} row as MPM's model serialises it. */
  static Map<String, Object> sms(Sms s) {
    return Json.obj("id", s.getId(), "receiver", s.getReceiver(), "trigger_type", s.getTriggerType(),
        "trigger_id", s.getTriggerId(), "body", s.getBody(), "status", s.getStatus(), "uuid", s.getUuid(),
        "sender_id", s.getSenderId(), "created_at", Json.ts(s.getCreatedAt()), "updated_at",
        Json.ts(s.getUpdatedAt()), "direction", s.getDirection(), "gateway_id", s.getGatewayId(),
        "error_message", s.getErrorMessage(), "attempts", s.getAttempts());
  }

  static Map<String, Object> conflict(TransactionConflict c) {
    return Json.obj("id", c.getId(), "transaction_type", c.getTransactionType(), "transaction_id",
        c.getTransactionId(), "state", c.getState(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()));
  }

  static Map<String, Object> user(User u) {
    return u == null ? null : Json.obj("id", u.getId(), "name", u.getName(), "company_id", u.getCompanyId(),
        "email", u.getEmail(), "created_at", Json.ts(u.getCreatedAt()), "updated_at", Json.ts(u.getUpdatedAt()));
  }

  public static Map<String, Object> payment(PaymentHistory p) {
    return Json.obj("id", p.getId(), "amount", p.getAmount(), "transaction_id", p.getTransactionId(),
        "payment_service", p.getPaymentService(), "sender", p.getSender(), "payment_type", p.getPaymentType(),
        "paid_for_type", p.getPaidForType(), "paid_for_id", p.getPaidForId(), "payer_type", p.getPayerType(),
        "payer_id", p.getPayerId(), "created_at", Json.ts(p.getCreatedAt()), "updated_at", Json.ts(p.getUpdatedAt()));
  }

  /** MPM's {@code {success, current, past, analytics}}. */
  public static Map<String, Object> comparison(Comparison c) {
    Map<String, Object> current = figures(c.current());
    Map<String, Object> past = figures(c.past());
    double total = change(c.past().total(), c.current().total());
    double confirmation = round(pct(c.current().confirmed(), c.current().total())
        - pct(c.past().confirmed(), c.past().total()));
    double cancellation = round(pct(c.current().cancelled(), c.current().total())
        - pct(c.past().cancelled(), c.past().total()));
    double amount = change((long) c.past().amount(), (long) c.current().amount());
    return Json.obj("success", true, "current", current, "past", past, "analytics", Json.obj(
        "totalPercentage", Json.obj("percentage", total, "color", total >= 0 ? "green" : "red"),
        "confirmationPercentage", Json.obj("percentage", confirmation,
            "color", confirmation >= 0 ? "green" : "red"),
        "cancelationPercentage", Json.obj("percentage", cancellation, "color", cancellation > 0 ? "red" : "green"),
        "amountPercentage", Json.obj("percentage", amount, "color", amount >= 0 ? "green" : "red")));
  }

  private static Map<String, Object> figures(Figures f) {
    if (f.total() == 0) {
      return Json.obj("total", 0, "amount", 0, "confirmed", 0, "confirmedPercentage", 0, "cancelled", 0,
          "cancelledPercentage", 0);
    }
    return Json.obj("total", f.total(), "amount", f.amount(), "confirmed", f.confirmed(),
        "confirmedPercentage", share(f.confirmed(), f.total()), "cancelled", f.cancelled(),
        "cancelledPercentage", share(f.cancelled(), f.total()));
  }

  /** PHP's {@code $n * 100 / $total}: an integer when it divides, a float otherwise. */
  private static Number share(long n, long total) {
    return n * 100 % total == 0 ? (Number) (n * 100 / total) : (Number) (n * 100.0 / total);
  }

  private static double pct(long n, long total) {
    return total == 0 ? 0 : n * 100.0 / total;
  }

  /** MPM's getPercentage(base, wanted, false): the change in percent, 0 when either is 0. */
  private static double change(long base, long wanted) {
    return base == 0 || wanted == 0 ? 0.0 : round(wanted * 100.0 / base - 100);
  }

  private static double round(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }
}

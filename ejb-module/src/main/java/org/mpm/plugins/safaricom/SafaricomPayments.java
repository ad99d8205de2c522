package org.mpm.plugins.safaricom;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.ApiException;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * M-Pesa's STK push from start to credit: the push (its row is written first, Daraja is called after that
 * transaction, and what Daraja answered is recorded in another), Daraja's result callback (the company from the
 * path, the push found by its CheckoutRequestID, the money through {@link PaymentIngress}) and the status query the
 * console polls. A plain bean without a transaction of its own.
 */
@ApplicationScoped
public class SafaricomPayments {

  private static final Logger LOG = Logger.getLogger(SafaricomPayments.class.getName());
  private static final int RESULT_SUCCESS = 0;
  private static final int RESULT_USER_CANCELLED = 1032;
  private static final int RESULT_STILL_PROCESSING = 4999;
  private static final DateTimeFormatter DARAJA_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  @EJB SafaricomCredentialService credentials;
  @EJB SafaricomTransactionService transactions;
  @Inject DarajaClient daraja;
  @Inject PaymentIngress ingress;
  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;

  @Inject
  @ConfigProperty(name = "mpm.app.url")
  Optional<String> appUrl;

  /** A validated {@code POST /api/safaricom/stk-push} body. */
  public record StkPush(BigDecimal amount, String phone, String deviceType, String deviceSerial,
      String accountReference, String transactionDesc, String type) {}

  /** What {@code POST /api/safaricom/stk-push} answers. */
  public record Pushed(String referenceId, String checkoutRequestId, String merchantRequestId,
      String customerMessage) {}

  /** The state of a push as the status route answers it. */
  public record Status(SafaricomTransaction row, boolean resolved, Integer resultCode, String resultDesc,
      String error) {}

  /** Starts an STK push: nothing is written when the request, the credentials or Daraja's token are refused. */
  public Pushed push(StkPush p) {
    DarajaAccount account = credentials.account();
    String phone = KenyanPhone.normalise(p.phone());
    if (phone == null) {
      throw new SafaricomError(422, "Phone number must be a Kenyan M-PESA number (e.g. 0712345678 or"
          + " 254712345678).");
    }
    if (account.shortcode().isEmpty() || account.passkey().isEmpty()) {
      throw new SafaricomError(422, "Shortcode and passkey are required. Save them on the credentials page.");
    }
    String callbackUrl = callbackUrl(account);
    transactions.device(p.deviceSerial(), p.deviceType())
        .orElseThrow(() -> new SafaricomError(422, "Unknown device serial — pick a registered meter or SHS."));
    daraja.token(account); // a refused key or secret is told before anything is written
    // Daraja takes whole shillings: the push, and the payment it reports, are of the rounded amount.
    BigDecimal amount = p.amount().setScale(0, RoundingMode.HALF_UP);
    String description = p.transactionDesc() != null ? p.transactionDesc()
        : p.accountReference() != null ? p.accountReference() : p.deviceSerial();
    SafaricomTransaction row = transactions.open(amount, phone,
        new SafaricomTransactionService.PayableDevice(p.deviceSerial(), p.deviceType(), null), description,
        p.type() == null ? "energy" : p.type());
    DarajaClient.Answer answer;
    try {
      answer = daraja.stkPush(account, amount.longValueExact(), KenyanPhone.forDaraja(phone), callbackUrl,
          row.getAccountReference(), row.getTransactionDesc());
    } catch (SafaricomError e) {
      transactions.pushFailed(row.getId(), e.getMessage());
      throw e;
    }
    String responseCode = answer.text("ResponseCode");
    if (answer.status() / 100 != 2 || !"0".equals(responseCode)) {
      String reason = answer.text("errorMessage") != null ? "Daraja: " + answer.text("errorMessage")
          : answer.text("ResponseDescription") != null ? "Daraja: " + answer.text("ResponseDescription")
          : "Daraja returned HTTP " + answer.status() + ".";
      transactions.pushFailed(row.getId(), reason);
      throw new SafaricomError(422, "Safaricom STK Push failed: " + reason);
    }
    String checkout = answer.text("CheckoutRequestID");
    String merchant = answer.text("MerchantRequestID");
    transactions.pushed(row.getId(), checkout, merchant, answer.raw());
    return new Pushed(row.getReferenceId(), checkout, merchant, answer.text("CustomerMessage"));
  }

  private String callbackUrl(DarajaAccount account) {
    if (account.resultUrl() != null && !account.resultUrl().isBlank()) {
      return account.resultUrl();
    }
    String base = appUrl.filter(u -> !u.isBlank()).orElseThrow(() -> new SafaricomError(422,
        "No result URL: save one on the credentials page or configure the server's public address (MPM_APP_URL)."));
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/api/safaricom/webhook/stk-push-result/" + account.companyId();
  }

  /**
   * Daraja's result of a push for the company in the path. A payment is credited once, for the push with this
   * CheckoutRequestID and its amount only; a refused one is kept with its reason, a callback for a push the company
   * never started is kept as such; a failed or cancelled push is marked so. Whatever the outcome Daraja is
   * answered alike, as MPM does.
   */
  public void result(String companyPath, JsonObject body) {
    JsonObject stk = object(object(body, "Body"), "stkCallback");
    String checkout = text(stk, "CheckoutRequestID");
    if (stk == null || checkout == null || checkout.isBlank() || !(stk.get("ResultCode") instanceof JsonValue)) {
      throw new ApiException(422, "The M-Pesa callback has no Body.stkCallback with CheckoutRequestID and"
          + " ResultCode.");
    }
    if (!bindCompany(companyPath)) {
      LOG.warning("M-Pesa callback for an unknown company");
      return;
    }
    if (!transactions.enabled()) {
      LOG.warning("M-Pesa callback for a company that has not enabled the plugin");
      return;
    }
    Integer resultCode = integer(stk.get("ResultCode"));
    BigDecimal amount = decimal(item(stk, "Amount"));
    String phone = text(item(stk, "PhoneNumber"));
    Optional<SafaricomTransaction> found = transactions.byCheckout(checkout);
    if (found.isEmpty()) {
      recordUnknown(checkout, text(stk, "MerchantRequestID"), phone, amount, stk.toString());
      return;
    }
    SafaricomTransaction row = found.get();
    if (resultCode == null || resultCode != RESULT_SUCCESS) {
      transactions.failed(row.getId(), resultCode != null && resultCode == RESULT_USER_CANCELLED
          ? SafaricomTransaction.STATUS_ABANDONED : -1, stk.toString());
      return;
    }
    JsonValue rawAmount = item(stk, "Amount");
    try {
      credit(row, amount, rawAmount == null ? null : rawAmount.toString());
    } finally {
      transactions.reported(row.getId(), text(item(stk, "MpesaReceiptNumber")),
          date(item(stk, "TransactionDate")), stk.toString());
    }
  }

  /** The push's state; a push still waiting is asked of Daraja, and its answer applied as a callback's would be. */
  public Status status(String referenceId) {
    SafaricomTransaction row = transactions.byReference(referenceId)
        .orElseThrow(() -> new SafaricomError(404, "Transaction not found"));
    Integer code = null;
    String desc = null;
    String error = null;
    if (row.getStatus() == SafaricomTransaction.STATUS_REQUESTED && row.getCheckoutRequestId() != null
        && !transactions.settled(row.getId())) {
      try {
        DarajaClient.Answer answer = daraja.stkQuery(credentials.account(), row.getCheckoutRequestId());
        code = answer.body().containsKey("ResultCode") ? integer(answer.body().get("ResultCode")) : null;
        desc = answer.text("ResultDesc");
        if (code == null) {
          error = answer.text("errorMessage");
        } else if (code == RESULT_SUCCESS) {
          credit(row, row.getAmount(), null);
        } else if (code != RESULT_STILL_PROCESSING) {
          transactions.failed(row.getId(), code == RESULT_USER_CANCELLED ? SafaricomTransaction.STATUS_ABANDONED
              : -1, answer.raw());
        }
      } catch (SafaricomError e) {
        error = e.getMessage();
      } catch (PaymentRejectedException e) {
        error = e.getMessage();
      }
    }
    SafaricomTransaction now = transactions.fresh(row.getId()).orElse(row);
    boolean resolved = now.getStatus() != SafaricomTransaction.STATUS_REQUESTED || transactions.settled(now.getId());
    return new Status(now, resolved, code, desc, error);
  }

  /** The payment of a push through the pipeline, once: the push's CheckoutRequestID is its key. */
  private void credit(SafaricomTransaction row, BigDecimal amount, String rawAmount) {
    PaymentRequest request = new PaymentRequest(SafaricomTransaction.MORPH, row.getSerialId(), amount, rawAmount,
        SafaricomPaymentProvider.SCOPE, row.getCheckoutRequestId(), Map.of(
            SafaricomPaymentProvider.ROW, row.getId(),
            SafaricomPaymentProvider.EXPECTED, row.getAmount().stripTrailingZeros().toPlainString(),
            SafaricomPaymentProvider.PHONE, row.getPhoneNumber()), null);
    try {
      ingress.receive(request);
    } catch (PaymentRejectedException e) {
      // kept by the pipeline as a rejected record with its reason
      LOG.info("M-Pesa payment for push " + row.getId() + " refused: " + e.getMessage());
    }
  }

  private void recordUnknown(String checkout, String merchant, String phone, BigDecimal amount, String callback) {
    for (int attempt = 1; ; attempt++) {
      try {
        transactions.recordUnknown(checkout, merchant, phone, amount, callback);
        return;
      } catch (RuntimeException e) {
        // concurrent repeats of one unknown callback: the losers of the insert's lock find the winner's record
        if (attempt >= 4) {
          throw e;
        }
      }
    }
  }

  private boolean bindCompany(String companyPath) {
    long companyId;
    try {
      companyId = Long.parseLong(companyPath);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<String> database = registry.databaseOf(companyId);
    if (database.isEmpty()) {
      return false;
    }
    tenant.set(companyId, database.get());
    return true;
  }

  private static JsonObject object(JsonObject o, String field) {
    return o != null && o.get(field) instanceof JsonObject child ? child : null;
  }

  /** The value of {@code CallbackMetadata.Item[Name = name]}. */
  private static JsonValue item(JsonObject stk, String name) {
    JsonObject meta = object(stk, "CallbackMetadata");
    if (meta == null || !(meta.get("Item") instanceof JsonArray items)) {
      return null;
    }
    for (JsonValue v : items) {
      if (v instanceof JsonObject item && item.get("Name") instanceof JsonString n && name.equals(n.getString())) {
        return item.get("Value");
      }
    }
    return null;
  }

  private static String text(JsonObject o, String field) {
    return o == null ? null : text(o.get(field));
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue().toPlainString();
    }
    return null;
  }

  private static Integer integer(JsonValue v) {
    try {
      String t = text(v);
      return t == null ? null : new BigDecimal(t).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal decimal(JsonValue v) {
    try {
      String t = text(v);
      return t == null ? null : new BigDecimal(t.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDateTime date(JsonValue v) {
    String t = text(v);
    if (t == null || !t.matches("\\d{14}")) {
      return null;
    }
    try {
      return LocalDateTime.parse(t, DARAJA_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

package org.mpm.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.transaction.PaymentEngine.Accepted;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.ThirdPartyPaymentProvider;
import org.mpm.transaction.ThirdPartyTransaction;

/**
 * MPM's TransactionImportService, through the payment pipeline: each row is a payment received by
 * {@link PaymentIngress} as a third-party payment at its {@code sent_date}, so it is allocated (debts, installments,
 * energy) and booked with its histories like any other, each in its own transaction.
 *
 * <p>A row is recognised as a payment already booked in two ways: a transaction of the same device serial, amount
 * and time exists (MPM's check; also one booked by another channel), or its idempotency key, the SHA-256 of serial,
 * amount, sent date and customer in scope {@value #SCOPE}, was used before (an import run twice, also concurrently).
 * Either way the row is reported as {@code modified} and nothing is booked again.
 */
@ApplicationScoped
public class TransactionImports {

  public static final String SCOPE = "import";

  @Inject PaymentIngress ingress;
  @Inject TransactionImportChecks checks;

  public ImportResult importAll(List<TransactionItem> items) {
    ImportResult result = new ImportResult("transactions");
    for (TransactionItem item : items) {
      if (!checks.deviceExists(item.deviceId())) {
        result.failed("device_id", item.deviceId(), Map.of("device_id", "Device with serial '" + item.deviceId()
            + "' not found"));
        continue;
      }
      Long booked = item.sentDate() == null ? null
          : checks.booked(item.deviceId(), item.amount().doubleValue(), item.sentDate());
      if (booked != null) {
        result.modified(row(booked, item));
        continue;
      }
      String customer = item.customer() == null ? "" : item.customer();
      PaymentRequest request = new PaymentRequest(ThirdPartyTransaction.MORPH, item.deviceId(), item.amount(),
          item.amount().toPlainString(), SCOPE, key(item), Map.of(ThirdPartyPaymentProvider.SENDER, customer),
          item.sentDate());
      try {
        Accepted a = ingress.receive(request);
        if (a.replayed()) {
          result.modified(row(a.transactionId(), item));
        } else {
          result.added(row(a.transactionId(), item));
        }
      } catch (PaymentRejectedException e) {
        result.failed("device_id", item.deviceId(), Map.of(e.field() == null ? "import" : e.field(),
            String.valueOf(e.getMessage())));
      }
    }
    return result;
  }

  /** The row's idempotency key: what makes two rows the same payment. */
  static String key(TransactionItem item) {
    String text = item.deviceId() + "|" + item.amount().stripTrailingZeros().toPlainString() + "|"
        + item.sentDate() + "|" + (item.customer() == null ? "" : item.customer());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> row(long id, TransactionItem item) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("amount", item.amount().doubleValue());
    m.put("device_serial", item.deviceId());
    return m;
  }
}

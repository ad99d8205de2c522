package org.mpm.transaction.rest;

import java.util.Map;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.Json;
import org.mpm.transaction.PaymentStatusService.PaymentStatus;
import org.mpm.transaction.PaymentStatusService.Vend;

/** JSON of the payment pipeline's answers (not in MPM: the status a client polls). */
final class PaymentJson {

  private PaymentJson() {}

  /**
   * {@code {transaction_id, status (pending|completed|failed), provider_status, amount, type, device_serial,
   * created_at, allocations: [payment_histories], token, conflicts, vend: {state, attempts, next_attempt_at,
   * last_error, amount}|null}}.
   */
  static Map<String, Object> status(PaymentStatus s) {
    Map<String, Object> m = Json.obj(
        "transaction_id", s.transaction().getId(),
        "status", s.state(),
        "provider_status", s.providerStatus(),
        "amount", s.transaction().getAmount(),
        "type", s.transaction().getType(),
        "device_serial", s.transaction().getMessage(),
        "created_at", Json.ts(s.transaction().getCreatedAt()));
    m.put("allocations", s.allocations().stream().map(TransactionJson::payment).toList());
    m.put("token", s.token() == null ? null : DeviceJson.token(s.token()));
    m.put("conflicts", s.conflicts().stream().map(TransactionJson::conflict).toList());
    Vend v = s.vend();
    m.put("vend", v == null ? null : Json.obj("state", v.state(), "attempts", v.attempts(),
        "next_attempt_at", "pending".equals(v.state()) ? Json.ts(v.nextAttemptAt()) : null,
        "last_error", v.lastError(), "amount", v.amount() == null ? null : v.amount().doubleValue()));
    return m;
  }
}

package org.mpm.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.device.Device;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeResult;
import org.mpm.sms.SmsService;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.engine.PaymentRows;

/**
 * Records vends in the caller's tenant transaction, set-based (a few statements for the whole list): for each, the
 * token, the energy (or days) history, the provider row's success and the customer's confirmation SMS. Used where a
 * payment is accepted (a local integration charges in the accepting transaction) and by the queue's vends.
 */
@ApplicationScoped
public class TokenRecorder {

  @Inject TenantDatabase tenantDb;
  @Inject PaymentProviders providers;
  @Inject PaymentJobs jobs;

  /**
   * A vend to record: the transaction (its id, provider row, sender and amount paid), the money that bought the
   * credit (null when the payment's histories are written already: an installment that also buys days), the
   * device, what the integration returned, and the time to record it at.
   */
  public record Vend(long transactionId, String providerMorph, long providerRowId, String sender, double paid,
      BigDecimal credit, Device device, ChargeResult result, LocalDateTime at) {}

  /**
   * Records the vends; {@code now} is the provider rows' update time. Returns whether confirmations were queued
   * to be sent (see {@link PaymentJobs#confirm}).
   */
  public boolean record(List<Vend> vends, LocalDateTime now) {
    if (vends.isEmpty()) {
      return false;
    }
    List<Object[]> tokenRows = new ArrayList<>();
    for (Vend v : vends) {
      ChargeResult r = v.result();
      Timestamp at = PaymentEngine.ts(v.at());
      tokenRows.add(new Object[] {v.transactionId(), r.token(), r.tokenAmount(), v.device().getId(), tokenType(r),
          r.tokenUnit(), at, at});
    }
    List<Long> tokenIds = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO tokens (transaction_id, token,"
        + " token_amount, device_id, token_type, token_unit, created_at, updated_at)", "(?, ?, ?, ?, ?, ?, ?, ?)",
        tokenRows);

    List<Object[]> histories = new ArrayList<>();
    Map<String, List<Long>> completedByProvider = new LinkedHashMap<>();
    List<SmsService.Confirmation> confirmations = new ArrayList<>();
    for (int i = 0; i < vends.size(); i++) {
      Vend v = vends.get(i);
      if (v.credit() != null) {
        histories.add(PaymentRows.historyRow(v.transactionId(), v.providerMorph(), v.sender(), v.credit(), "energy",
            Token.MORPH, tokenIds.get(i), v.device().getPersonId(), v.at()));
      }
      completedByProvider.computeIfAbsent(v.providerMorph(), k -> new ArrayList<>()).add(v.providerRowId());
      Token token = new Token(v.transactionId(), v.result().token());
      token.setTokenType(tokenType(v.result()));
      token.setTokenUnit(v.result().tokenUnit());
      token.setTokenAmount(v.result().tokenAmount());
      confirmations.add(new SmsService.Confirmation(v.transactionId(), v.device().getDeviceSerial(), v.sender(),
          v.paid(), token, v.at()));
    }
    if (!histories.isEmpty()) {
      NativeSql.insertRows(tenantDb.connection(), PaymentRows.HISTORY_INSERT, PaymentRows.HISTORY_ROW, histories);
    }
    completedByProvider.forEach((morph, rowIds) -> providers.find(morph).ifPresent(p ->
        PaymentRows.setProviderStatus(tenantDb.em(), p, rowIds, PaymentProvider.STATUS_SUCCESS, now)));
    return jobs.confirm(confirmations);
  }

  private static String tokenType(ChargeResult r) {
    return r.tokenType() == null ? "energy" : r.tokenType();
  }
}

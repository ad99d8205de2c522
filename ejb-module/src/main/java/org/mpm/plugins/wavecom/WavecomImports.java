package org.mpm.plugins.wavecom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.ValidationException;
import org.mpm.plugin.PluginGate;
import org.mpm.transaction.PaymentEngine.Accepted;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * An uploaded Wavecom file ({@code POST /api/wavecom/upload}): when every row is well formed, each is booked
 * through the {@link PaymentIngress} once, keyed by its Wavecom transaction id (scope {@code wavecom}), so a file
 * uploaded again books nothing twice; a row the pipeline refuses is kept as a refused row with a conflict, and
 * named in the answer, as are rows imported before. A file with a malformed row is refused whole (422) and nothing of
 * it is booked. A plain bean: each row is its own transaction.
 */
@ApplicationScoped
public class WavecomImports {

  /** {@code mpm_plugins.id} of WavecomPaymentProvider. */
  public static final long PLUGIN_ID = 15;
  public static final String SCOPE = "wavecom";
  static final String FILE = "transaction_file";

  @Inject PaymentIngress ingress;
  @Inject PluginGate gate;

  /** What became of a file: the rows booked now, and why each other row was not. */
  public record Result(int booked, List<String> reasons) {}

  public Result upload(String text) {
    gate.requireEnabled(PLUGIN_ID);
    WavecomFile file = WavecomFile.parse(text);
    if (!file.problems().isEmpty()) {
      List<String> problems = new ArrayList<>(file.problems());
      problems.add("No transaction of this file was imported; correct it and upload it again.");
      Map<String, List<String>> errors = new LinkedHashMap<>();
      errors.put(FILE, problems);
      throw new ValidationException(errors);
    }
    int booked = 0;
    List<String> reasons = new ArrayList<>();
    for (WavecomFile.Row row : file.rows()) {
      PaymentRequest r = new PaymentRequest(WavecomPaymentProvider.MORPH, row.serial(), row.amount(),
          row.amount().toPlainString(), SCOPE, row.transactionId(), Map.of(WavecomPaymentProvider.SENDER,
              row.sender()), null);
      try {
        Accepted a = ingress.receive(r);
        if (a.replayed()) {
          reasons.add(row.transactionId() + " already imported");
        } else {
          booked++;
        }
      } catch (PaymentRejectedException e) {
        reasons.add(row.transactionId() + " (line " + row.line() + ") " + (e.status() == 409
            ? "already imported with other values" : "refused: " + e.getMessage()));
      }
    }
    return new Result(booked, reasons);
  }
}

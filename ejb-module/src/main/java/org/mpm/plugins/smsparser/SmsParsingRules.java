package org.mpm.plugins.smsparser;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's parsing rules ({@code sms_parsing_rules}) and the payments they found ({@code sms_transactions}):
 * the plugin's routes (each refused while the plugin is not enabled) and the match of an incoming message.
 */
@Stateless
public class SmsParsingRules {

  /** {@code mpm_plugins.id} of SmsTransactionParser. */
  public static final long PLUGIN_ID = 29;

  /** A rule as stored. */
  public record Rule(long id, String providerName, String template, String pattern, String senderPattern,
      boolean enabled, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  /** A rule as sent: its provider name, template, sender pattern (or null) and whether it is enabled. */
  public record Form(String providerName, String template, String senderPattern, Boolean enabled) {}

  /** A payment found in a message: what MPM's SmsTransactionParser reads from a rule's match. */
  public record Parsed(String providerName, String reference, BigDecimal amount, String rawAmount,
      String deviceSerial, String senderPhone, String rawMessage) {}

  /** A row of {@code sms_transactions}. */
  public record SmsPayment(long id, String providerName, String reference, double amount, String senderPhone,
      String deviceSerial, String rawMessage, int status, String manufacturerType, Long manufacturerId,
      LocalDateTime createdAt, LocalDateTime updatedAt) {}

  private static final String RULE_COLUMNS = "id, provider_name, template, pattern, sender_pattern, enabled,"
      + " created_at, updated_at";
  private static final String PAYMENT_COLUMNS = "id, provider_name, transaction_reference, amount, sender_phone,"
      + " device_serial, raw_message, status, manufacturer_transaction_type, manufacturer_transaction_id,"
      + " created_at, updated_at";

  /** MPM's default rules (Vodacom Mozambique's M-Pesa and Movitel's e-Mola confirmations). */
  static final List<Form> DEFAULTS = List.of(
      new Form("M-Pesa (Vodacom MZ)", "Confirmado [transaction_ref]. Registamos uma operacao de compra no valor de"
          + " [amount] e a taxa foi de [*] na entidade [*] com referencia [device_serial] aos [*] as [*]. O teu novo"
          + " saldo M-Pesa e de [*]. Em caso de dúvida, liga 100. M-Pesa e facil!", "/M-?Pesa/i", true),
      new Form("e-Mola (Movitel MZ)", "ID da transacao [transaction_ref]. Transferiste [amount] para conta"
          + " [sender_phone], nome: [*] as [*] de [*]. Taxa: [*]. O saldo da tua conta e [*]. Conteudo:"
          + " [device_serial]. Em caso de duvida, liga 100. Obrigado!", "/e-?Mola/i", true));

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  public List<Rule> all() {
    gate.requireEnabled(PLUGIN_ID);
    return rules("SELECT " + RULE_COLUMNS + " FROM sms_parsing_rules ORDER BY id");
  }

  public Rule get(long id) {
    gate.requireEnabled(PLUGIN_ID);
    List<Rule> r = rules("SELECT " + RULE_COLUMNS + " FROM sms_parsing_rules WHERE id = " + id);
    if (r.isEmpty()) {
      throw NotFoundException.model("App\\Plugins\\SmsTransactionParser\\Models\\SmsParsingRule", id);
    }
    return r.get(0);
  }

  public Rule create(Form f) {
    gate.requireEnabled(PLUGIN_ID);
    unique(f.providerName(), 0);
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("INSERT INTO sms_parsing_rules (provider_name, template, pattern,"
            + " sender_pattern, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, f.providerName()).setParameter(2, f.template())
        .setParameter(3, SmsTemplates.toPattern(f.template())).setParameter(4, f.senderPattern())
        .setParameter(5, f.enabled() == null || f.enabled()).setParameter(6, now).setParameter(7, now)
        .executeUpdate();
    return rules("SELECT " + RULE_COLUMNS + " FROM sms_parsing_rules WHERE id = LAST_INSERT_ID()").get(0);
  }

  public Rule update(long id, Form f) {
    Rule old = get(id);
    unique(f.providerName(), id);
    tenantDb.em().createNativeQuery("UPDATE sms_parsing_rules SET provider_name = ?, template = ?, pattern = ?,"
            + " sender_pattern = ?, enabled = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, f.providerName()).setParameter(2, f.template())
        .setParameter(3, SmsTemplates.toPattern(f.template())).setParameter(4, f.senderPattern())
        .setParameter(5, f.enabled() == null ? old.enabled() : f.enabled())
        .setParameter(6, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(7, id).executeUpdate();
    return get(id);
  }

  public void delete(long id) {
    get(id);
    tenantDb.em().createNativeQuery("DELETE FROM sms_parsing_rules WHERE id = ?").setParameter(1, id)
        .executeUpdate();
  }

  /** MPM's install: the default rules that are missing, then all rules. */
  public List<Rule> installDefaults() {
    gate.requireEnabled(PLUGIN_ID);
    for (Form f : DEFAULTS) {
      if (tenantDb.em().createNativeQuery("SELECT id FROM sms_parsing_rules WHERE provider_name = ?")
          .setParameter(1, f.providerName()).getResultList().isEmpty()) {
        create(f);
      }
    }
    return all();
  }

  /** The payments found by the rule's provider, newest first. */
  public Page<SmsPayment> paymentsOf(long ruleId, int page, int perPage) {
    return payments(" WHERE provider_name = ?", get(ruleId).providerName(), page, perPage);
  }

  /** All payments found in messages, newest first. */
  public Page<SmsPayment> payments(int page, int perPage) {
    gate.requireEnabled(PLUGIN_ID);
    return payments("", null, page, perPage);
  }

  /**
   * The payment an incoming message announces, if the plugin is enabled and an enabled rule matches (its sender
   * pattern the sender, its pattern the text) and the match carries a reference, a positive amount and a device
   * serial; the first matching rule by id decides, as in MPM.
   */
  public Optional<Parsed> match(String sender, String body) {
    if (!gate.enabled(PLUGIN_ID)) {
      return Optional.empty();
    }
    for (Rule rule : rules("SELECT " + RULE_COLUMNS + " FROM sms_parsing_rules WHERE enabled = 1 ORDER BY id")) {
      if (rule.senderPattern() != null && !rule.senderPattern().isEmpty()) {
        Optional<Pattern> senderPattern = SmsTemplates.compile(rule.senderPattern());
        if (senderPattern.isEmpty() || !senderPattern.get().matcher(sender == null ? "" : sender).find()) {
          continue;
        }
      }
      Optional<Pattern> pattern = SmsTemplates.compile(rule.pattern());
      if (pattern.isEmpty()) {
        continue;
      }
      Matcher m = pattern.get().matcher(body);
      if (!m.find()) {
        continue;
      }
      return parsed(rule.providerName(), body, SmsTemplates.groups(m));
    }
    return Optional.empty();
  }

  /** MPM's SmsTransactionParser: reference, amount and serial required, the amount positive. */
  static Optional<Parsed> parsed(String provider, String body, Map<String, String> g) {
    String amount = g.get("amount");
    String reference = g.get("transaction_ref");
    String serial = g.get("device_serial");
    if (amount == null || reference == null || serial == null) {
      return Optional.empty();
    }
    BigDecimal value;
    try {
      value = new BigDecimal(amount.replace(",", "").replace(" ", ""));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (value.signum() <= 0 || reference.isBlank() || serial.isBlank()) {
      return Optional.empty();
    }
    String phone = g.get("sender_phone") == null ? null : g.get("sender_phone").replaceAll("[^0-9+]", "");
    return Optional.of(new Parsed(provider, reference.trim(), value, amount, serial.trim(),
        phone == null || phone.isEmpty() ? null : phone, body));
  }

  private void unique(String providerName, long except) {
    if (!tenantDb.em().createNativeQuery("SELECT id FROM sms_parsing_rules WHERE provider_name = ? AND id <> ?")
        .setParameter(1, providerName).setParameter(2, except).getResultList().isEmpty()) {
      throw new ValidationException(Map.of("provider_name", List.of("The provider name has already been taken.")));
    }
  }

  private List<Rule> rules(String sql) {
    List<Rule> out = new ArrayList<>();
    for (Object o : tenantDb.em().createNativeQuery(sql).getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new Rule(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
          r[5] instanceof Boolean b ? b : ((Number) r[5]).intValue() != 0, time(r[6]), time(r[7])));
    }
    return out;
  }

  private Page<SmsPayment> payments(String where, String param, int page, int perPage) {
    var count = tenantDb.em().createNativeQuery("SELECT COUNT(*) FROM sms_transactions" + where);
    var rows = tenantDb.em().createNativeQuery("SELECT " + PAYMENT_COLUMNS + " FROM sms_transactions" + where
        + " ORDER BY created_at DESC, id DESC LIMIT " + perPage + " OFFSET " + (long) (page - 1) * perPage);
    if (param != null) {
      count.setParameter(1, param);
      rows.setParameter(1, param);
    }
    long total = ((Number) count.getSingleResult()).longValue();
    List<SmsPayment> out = new ArrayList<>();
    for (Object o : rows.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new SmsPayment(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          ((Number) r[3]).doubleValue(), (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(),
          (String) r[8], r[9] == null ? null : ((Number) r[9]).longValue(), time(r[10]), time(r[11])));
    }
    return new Page<>(out, page, perPage, total);
  }

  static LocalDateTime time(Object o) {
    return o instanceof Timestamp t ? t.toLocalDateTime() : o instanceof LocalDateTime l ? l : null;
  }
}

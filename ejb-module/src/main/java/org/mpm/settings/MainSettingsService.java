package org.mpm.settings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mpm.common.NotFoundException;
import org.mpm.common.ValidationException;
import org.mpm.plugin.RegistrationTail;
import org.mpm.settings.SmsGatewayOptions.Option;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;

/**
 * The company's main settings (MPM's MainSettingsController and MainSettingsService): the one row, its update, the
 * SMS gateways it may name, and the part of it the agent app receives at login.
 */
@Stateless
public class MainSettingsService {

  public static final String MODEL = "App\\Models\\MainSettings";
  /** The onboarding step behind the web console's first-run settings dialog. */
  public static final String ONBOARDING_STEP = "Settings";

  /** The settings the agent app receives with its login (MPM's AgentAuthController::mainSettings). */
  public record AppSettings(String currency, String country, String language, String companyName) {}

  @Inject TenantDatabase tenantDb;
  @Inject TenantMemo memo;

  /** The first row, or null when the company has none. */
  public MainSettings current() {
    return tenantDb.em().createQuery("SELECT s FROM MainSettings s ORDER BY s.id", MainSettings.class)
        .setMaxResults(1).getResultStream().findFirst().orElse(null);
  }

  public MainSettings find(long id) {
    MainSettings s = tenantDb.em().find(MainSettings.class, id);
    if (s == null) {
      throw NotFoundException.model(MODEL, id);
    }
    return s;
  }

  /**
   * Changes the fields given. A currency, country, language or SMS gateway must be one the web console offers (a
   * code of MPM's currency list, a country of the company's {@code countries}, one of MPM's languages, a gateway of
   * {@link #smsGateways()}) or the value already stored, so that saving unchanged settings never fails; otherwise
   * one 422 names them all. Saving also marks the console's first-run step ({@value #ONBOARDING_STEP}) adjusted.
   */
  public MainSettings update(long id, MainSettingsChange c, long byUser) {
    EntityManager em = tenantDb.em();
    MainSettings s = find(id);
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (changed(c.currency(), s.getCurrency()) && !Currencies.codes().contains(c.currency())) {
      errors.put("currency", List.of("The selected currency is invalid."));
    }
    String country = changed(c.country(), s.getCountry()) ? countryNamed(c.country()) : c.country();
    if (country == null && c.country() != null) {
      errors.put("country", List.of("The selected country is invalid."));
    }
    if (changed(c.language(), s.getLanguage()) && !MainSettings.LANGUAGES.contains(c.language())) {
      errors.put("language", List.of("The selected language is invalid."));
    }
    Long gateway = c.smsGatewayId() == null ? null : c.smsGatewayId().value();
    if (changed(gateway, s.getSmsGatewayId())
        && smsGateways().stream().noneMatch(o -> o.id() == gateway)) {
      errors.put("sms_gateway_id", List.of("The selected sms gateway id is invalid."));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    apply(s, c, country);
    for (RegistrationTail step : em.createQuery("SELECT t FROM RegistrationTail t WHERE t.component = :c"
        + " AND t.adjusted = false", RegistrationTail.class).setParameter("c", ONBOARDING_STEP).getResultList()) {
      step.adjust(true, byUser);
    }
    em.flush();
    if (c.vatEnergy() != null) {
      // Meter prices are remembered with the energy VAT.
      memo.changed(TenantMemo.TARIFFS, tenantDb.databaseName());
    }
    return s;
  }

  private static void apply(MainSettings s, MainSettingsChange c, String country) {
    if (c.siteTitle() != null) {
      s.setSiteTitle(c.siteTitle());
    }
    if (c.companyName() != null) {
      s.setCompanyName(c.companyName());
    }
    if (c.currency() != null) {
      s.setCurrency(c.currency());
    }
    if (country != null) {
      s.setCountry(country);
    }
    if (c.language() != null) {
      s.setLanguage(c.language());
    }
    if (c.vatEnergy() != null) {
      s.setVatEnergy(c.vatEnergy().value());
    }
    if (c.vatAppliance() != null) {
      s.setVatAppliance(c.vatAppliance().value());
    }
    if (c.usageType() != null) {
      s.setUsageType(c.usageType());
    }
    if (c.smsGatewayId() != null) {
      s.setSmsGatewayId(c.smsGatewayId().value());
    }
    if (c.transactionSmsEnabled() != null) {
      s.setTransactionSmsEnabled(c.transactionSmsEnabled());
    }
  }

  /** A new value that differs from the stored one (null: not given, or cleared). */
  private static boolean changed(Object given, Object stored) {
    return given != null && !Objects.equals(given, stored);
  }

  /** The name of the company's country called so (in any case), as stored; null when there is none. */
  private String countryNamed(String name) {
    return tenantDb.em().createQuery("SELECT c.countryName FROM Country c WHERE c.countryName = :n", String.class)
        .setParameter("n", name).setMaxResults(1).getResultStream().findFirst().orElse(null);
  }

  /** The SMS gateways the company may choose: Android always, the gateway plugins it has active. */
  public List<Option> smsGateways() {
    Set<Long> active = new HashSet<>(tenantDb.em().createQuery(
        "SELECT p.mpmPluginId FROM Plugin p WHERE p.status = true", Long.class).getResultList());
    return SmsGatewayOptions.available(active);
  }

  /** Currency, country, language and company name, or null when the company has no settings row. */
  public AppSettings forAgentApp() {
    MainSettings s = current();
    return s == null ? null
        : new AppSettings(s.getCurrency(), s.getCountry(), s.getLanguage(), s.getCompanyName());
  }
}

package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mpm.common.NotFoundException;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;

/**
 * The SMS settings of the console's settings page (MPM's SmsBody, SmsResendInformationKey, SmsAndroidSetting and
 * SmsVariableDefaultValue controllers and services): the texts of the templates, the resend keyword, the phones of
 * the legacy Android gateway and the sample values of the template variables.
 */
@Stateless
public class SmsSettingsService {

  public static final String RESEND_KEY_MODEL = "App\\Models\\SmsResendInformationKey";
  public static final String ANDROID_SETTING_MODEL = "App\\Models\\SmsAndroidSetting";
  static final int CALLBACK_MAX = 191;

  /** A template's new text (null: none); {@code idField} is where the request named the id, for its 422. */
  public record BodyChange(String idField, long id, String body) {}

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  // ---- templates

  /**
   * Changes the texts of the templates named (MPM's SmsBodyService::updateSmsBodies); an id that is not one of the
   * company's templates is a 422 and nothing changes. Returns every template.
   */
  public List<SmsBody> updateBodies(List<BodyChange> changes) {
    List<SmsBody> bodies = em().createQuery("SELECT b FROM SmsBody b ORDER BY b.id", SmsBody.class).getResultList();
    Map<Long, SmsBody> byId = bodies.stream().collect(Collectors.toMap(SmsBody::getId, Function.identity()));
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (BodyChange c : changes) {
      if (!byId.containsKey(c.id())) {
        errors.put(c.idField(), List.of("The selected " + c.idField() + " is invalid."));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    changes.forEach(c -> byId.get(c.id()).setBody(c.body()));
    em().flush();
    return bodies;
  }

  // ---- resend keyword

  public List<SmsResendInformationKey> resendKeys() {
    return em().createQuery("SELECT k FROM SmsResendInformationKey k ORDER BY k.id", SmsResendInformationKey.class)
        .getResultList();
  }

  public SmsResendInformationKey updateResendKey(long id, String key) {
    SmsResendInformationKey k = em().find(SmsResendInformationKey.class, id);
    if (k == null) {
      throw NotFoundException.model(RESEND_KEY_MODEL, id);
    }
    k.setKey(key);
    em().flush();
    return k;
  }

  // ---- Android gateway phones

  public List<SmsAndroidSetting> androidSettings() {
    return em().createQuery("SELECT s FROM SmsAndroidSetting s ORDER BY s.id", SmsAndroidSetting.class)
        .getResultList();
  }

  /**
   * Adds a phone with its push token; its callback is {@code <apiBase>sms-android-callback/%s/confirm/<company id>}
   * (MPM's format). Returns every phone.
   */
  public List<SmsAndroidSetting> createAndroidSetting(String token, String apiBase) {
    em().persist(new SmsAndroidSetting(token, callback(apiBase)));
    em().flush();
    return androidSettings();
  }

  /** Changes a phone's push token (and writes its callback afresh). Returns every phone. */
  public List<SmsAndroidSetting> updateAndroidSetting(long id, String token, String apiBase) {
    androidSetting(id).set(token, callback(apiBase));
    em().flush();
    return androidSettings();
  }

  /** Removes a phone. Returns the remaining ones. */
  public List<SmsAndroidSetting> deleteAndroidSetting(long id) {
    em().remove(androidSetting(id));
    em().flush();
    return androidSettings();
  }

  private SmsAndroidSetting androidSetting(long id) {
    SmsAndroidSetting s = em().find(SmsAndroidSetting.class, id);
    if (s == null) {
      throw NotFoundException.model(ANDROID_SETTING_MODEL, id);
    }
    return s;
  }

  /** The callback under {@code apiBase}, or its path alone when that would not fit the column. */
  private String callback(String apiBase) {
    String path = "sms-android-callback/%s/confirm/" + tenantDb.companyId();
    return apiBase.length() + path.length() <= CALLBACK_MAX ? apiBase + path : "/api/" + path;
  }

  // ---- template variables

  public List<SmsVariableDefaultValue> variableDefaults() {
    return em().createQuery("SELECT v FROM SmsVariableDefaultValue v ORDER BY v.id", SmsVariableDefaultValue.class)
        .getResultList();
  }
}

package org.mpm.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.mpm.common.NotFoundException;

/** Company API keys: created with a plaintext token shown once, stored as SHA-256, used as Bearer tokens. */
@Stateless
public class ApiKeyService {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @PersistenceContext(unitName = "central")
  EntityManager central;

  /** A new key and its plaintext token. */
  public record Created(ApiKey key, String token) {}

  public List<ApiKey> list(long companyId) {
    return central.createQuery("SELECT k FROM ApiKey k WHERE k.companyId = :c ORDER BY k.id", ApiKey.class)
        .setParameter("c", companyId).getResultList();
  }

  public Created create(long companyId, String name) {
    StringBuilder token = new StringBuilder(72);
    for (int i = 0; i < 40; i++) {
      token.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
    }
    byte[] tail = new byte[16];
    RANDOM.nextBytes(tail);
    token.append(HexFormat.of().formatHex(tail));
    return createWithToken(companyId, name, token.toString());
  }

  /** Stores a key with a given token (the demo key). */
  public Created createWithToken(long companyId, String name, String token) {
    ApiKey key = new ApiKey(companyId, name, sha256(token));
    central.persist(key);
    central.flush();
    return new Created(key, token);
  }

  /** Revokes (deletes) a key of this company; another company's key is not found. */
  public void revoke(long companyId, long id) {
    ApiKey key = central.find(ApiKey.class, id);
    if (key == null || key.getCompanyId() != companyId) {
      throw NotFoundException.model("App\\Models\\ApiKey", id);
    }
    central.remove(key);
  }

  /** The company of an active key, recording its use; empty for an unknown or inactive key. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public OptionalLong authenticate(String token) {
    if (token == null || token.isBlank()) {
      return OptionalLong.empty();
    }
    List<ApiKey> keys = central.createQuery(
            "SELECT k FROM ApiKey k WHERE k.tokenHash = :h AND k.active = TRUE", ApiKey.class)
        .setParameter("h", sha256(token)).getResultList();
    if (keys.isEmpty()) {
      return OptionalLong.empty();
    }
    central.createNativeQuery("UPDATE api_keys SET last_used_at = UTC_TIMESTAMP() WHERE id = ?1")
        .setParameter(1, keys.get(0).getId()).executeUpdate();
    return OptionalLong.of(keys.get(0).getCompanyId());
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.mpm.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Secrets generated once for the whole installation and kept in the central database, so every node shares them. */
@Stateless
public class InstanceSecrets {

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String getOrCreate(String name) {
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    central.createNativeQuery(
            "INSERT IGNORE INTO instance_secrets (name, value, created_at) VALUES (?1, ?2, UTC_TIMESTAMP())")
        .setParameter(1, name)
        .setParameter(2, Base64.getEncoder().encodeToString(bytes))
        .executeUpdate();
    @SuppressWarnings("unchecked")
    List<Object> rows = central.createNativeQuery("SELECT value FROM instance_secrets WHERE name = ?1")
        .setParameter(1, name)
        .getResultList();
    return (String) rows.get(0);
  }
}

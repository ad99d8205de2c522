package org.mpm.admin;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import org.mpm.admin.Tenants.Tenant;

/** What {@code tenant:shell} binds, read by the shell's start-up snippets (they run in this JVM). */
public final class ShellSession {

  private static volatile Tenant tenant;
  private static volatile EntityManager entityManager;
  private static volatile Connection connection;

  private ShellSession() {}

  static void bind(Tenant t, EntityManager em, Connection jdbc) {
    tenant = t;
    entityManager = em;
    connection = jdbc;
  }

  static void unbind() {
    tenant = null;
    entityManager = null;
    connection = null;
  }

  /** The company's EntityManager (resource-local: begin and commit a transaction to write). */
  public static EntityManager entityManager() {
    return entityManager;
  }

  /** A JDBC connection to the company's database. */
  public static Connection connection() {
    return connection;
  }

  /** The company's database name. */
  public static String database() {
    return tenant == null ? null : tenant.database();
  }
}

package org.mpm.tenancy;

import java.text.Normalizer;

/** Tenant database names: how they are made from a company name, and which names are safe to use. */
public final class DatabaseNames {

  private DatabaseNames() {}

  /**
   * Whether a name may name a pool, a JNDI resource and a database without quoting surprises: 1 to 64 ASCII
   * letters, digits and underscores (checked on every request, so without a regular expression).
   */
  public static boolean isSafe(String name) {
    if (name == null || name.isEmpty() || name.length() > 64) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  public static String requireSafe(String name) {
    if (!isSafe(name)) {
      throw new IllegalArgumentException("Not a valid tenant database name: " + name);
    }
    return name;
  }

  /**
   * MPM's rule (company name without characters other than letters, digits and underscores, then '_' and a
   * timestamp), kept within MySQL's 64-character limit; the suffix makes it unique per registration.
   */
  public static String forCompany(String companyName, long epochSeconds, String uniqueSuffix) {
    String ascii = Normalizer.normalize(companyName == null ? "" : companyName, Normalizer.Form.NFD);
    String base = ascii.replaceAll("[^A-Za-z0-9_]", "");
    String tail = "_" + epochSeconds + (uniqueSuffix == null || uniqueSuffix.isEmpty() ? "" : "_" + uniqueSuffix);
    int room = 64 - tail.length();
    if (base.isEmpty()) {
      base = "Company";
    }
    if (base.length() > room) {
      base = base.substring(0, room);
    }
    return base + tail;
  }

  /** The database named in a MySQL JDBC URL (the path segment), or "" when there is none. */
  public static String databaseOf(String jdbcUrl) {
    int start = hostEnd(jdbcUrl);
    if (start < 0 || start >= jdbcUrl.length() || jdbcUrl.charAt(start) != '/') {
      return "";
    }
    int q = jdbcUrl.indexOf('?', start);
    String path = q < 0 ? jdbcUrl.substring(start + 1) : jdbcUrl.substring(start + 1, q);
    return path;
  }

  /** The same URL with another database (an empty name means the server only). */
  public static String withDatabase(String jdbcUrl, String database) {
    int start = hostEnd(jdbcUrl);
    if (start < 0) {
      throw new IllegalArgumentException("Not a jdbc:mysql://host[:port]/database URL: " + jdbcUrl);
    }
    int q = jdbcUrl.indexOf('?', start);
    String query = q < 0 ? "" : jdbcUrl.substring(q);
    return jdbcUrl.substring(0, start) + "/" + database + query;
  }

  /** Index of the '/' that ends the host part, or -1. */
  private static int hostEnd(String jdbcUrl) {
    int scheme = jdbcUrl.indexOf("://");
    if (scheme < 0) {
      return -1;
    }
    int slash = jdbcUrl.indexOf('/', scheme + 3);
    if (slash < 0) {
      int q = jdbcUrl.indexOf('?', scheme + 3);
      return q < 0 ? jdbcUrl.length() : q;
    }
    return slash;
  }
}

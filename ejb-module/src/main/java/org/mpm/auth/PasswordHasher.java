package org.mpm.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** bcrypt as Laravel writes it ({@code $2y$}, cost 10); verifies {@code $2a$}, {@code $2b$} and {@code $2y$}. */
public final class PasswordHasher {

  private static final int COST = 10;

  private PasswordHasher() {}

  public static String hash(String password) {
    return BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(COST, password.toCharArray());
  }

  public static boolean verify(String password, String hash) {
    if (password == null || hash == null || !hash.startsWith("$2")) {
      return false;
    }
    try {
      return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
    } catch (IllegalArgumentException malformedHash) {
      return false;
    }
  }
}

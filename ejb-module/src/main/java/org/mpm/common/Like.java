package org.mpm.common;

/**
 * Patterns for SQL {@code LIKE} built from what a user typed: the user's {@code %}, {@code _} and {@code \} match
 * themselves, not any text (MySQL's and MariaDB's default escape character is the backslash).
 */
public final class Like {

  private Like() {}

  public static String escape(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Text that contains the term. */
  public static String contains(String term) {
    return "%" + escape(term) + "%";
  }

  /** Text that starts with the term. */
  public static String startsWith(String term) {
    return escape(term) + "%";
  }
}

package org.mpm.auth;

/** The claims of an MPM token that this backend reads. Times are epoch seconds. */
public record JwtClaims(
    String issuer, long issuedAt, long expiresAt, long notBefore, String id, String subject, String prv,
    long companyId) {

  public long subjectId() {
    try {
      return Long.parseLong(subject);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

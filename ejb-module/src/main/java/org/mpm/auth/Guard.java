package org.mpm.auth;

/**
 * The JWT guards of MPM. {@code prv} is sha1 of the Laravel model class, so a user token is refused where an
 * agent token is required and the other way round.
 */
public enum Guard {
  USER("23bd5c8949f600adb39e701c400872db7a5976f7"),
  AGENT("42ede3334a04cd65cb2be3f5adfeb2c1edd30774");

  private final String prv;

  Guard(String prv) {
    this.prv = prv;
  }

  public String prv() {
    return prv;
  }
}

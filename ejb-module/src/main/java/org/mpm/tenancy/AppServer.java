package org.mpm.tenancy;

/**
 * Which application server runs the application, for the few things each does its own way (the companies' pools,
 * the HTTP engine's path guard). WildFly is recognised by the home directory it sets for itself; anything else is
 * taken for Payara (Micro or Server), the platform the project is built on.
 */
public enum AppServer {
  PAYARA,
  WILDFLY;

  /** The server of this JVM. */
  public static AppServer current() {
    return System.getProperty("jboss.home.dir") != null ? WILDFLY : PAYARA;
  }
}

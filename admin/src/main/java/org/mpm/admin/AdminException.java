package org.mpm.admin;

/** A failure the tool reports in one line, with the exit code it ends with. */
final class AdminException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  AdminException(String message) {
    this(message, 1, null);
  }

  AdminException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}

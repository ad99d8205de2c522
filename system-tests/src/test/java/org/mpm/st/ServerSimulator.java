package org.mpm.st;

import java.util.Map;

/**
 * An outside service the server calls, simulated by the suite: {@link TestServer} starts each once, hands the
 * server the configuration entries that point it there, and stops it when the suite ends. A new simulator
 * implements this and is added to {@code TestServer}'s list.
 */
interface ServerSimulator {

  /** The server's configuration entries (environment names) that point it at this simulator. */
  Map<String, String> serverEnv();

  void stop();
}

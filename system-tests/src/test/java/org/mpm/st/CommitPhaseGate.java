package org.mpm.st;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between the server and the database server that reads the client's side of the MySQL protocol
 * (length-prefixed packets, TLS off) and, once armed, holds back the first {@code XA COMMIT} of a two-phase commit:
 * the statement is not forwarded, so the transaction manager has finished the prepare phase and logged its commit
 * decision, and no branch is committed yet. Everything else passes unchanged. {@code XA PREPARE} statements are
 * counted, so a test can check that the prepare phase really ran.
 */
final class CommitPhaseGate implements AutoCloseable {

  private static final int COM_QUERY = 0x03;

  private final ServerSocket listener;
  private final int databasePort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicBoolean armed = new AtomicBoolean();
  private final CountDownLatch held = new CountDownLatch(1);
  private final AtomicInteger prepares = new AtomicInteger();
  private volatile String heldStatement;

  private CommitPhaseGate(ServerSocket listener, int databasePort) {
    this.listener = listener;
    this.databasePort = databasePort;
  }

  static CommitPhaseGate start(int databasePort) throws IOException {
    CommitPhaseGate gate = new CommitPhaseGate(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
        databasePort);
    Thread accept = new Thread(gate::acceptLoop, "commit-gate-accept");
    accept.setDaemon(true);
    accept.start();
    return gate;
  }

  int port() {
    return listener.getLocalPort();
  }

  /** From now on the first two-phase {@code XA COMMIT} is held back. */
  void arm() {
    prepares.set(0);
    armed.set(true);
  }

  /** Waits until a commit is held back; its statement, or null when none came in time. */
  String awaitHeldCommit(long timeout, TimeUnit unit) throws InterruptedException {
    return held.await(timeout, unit) ? heldStatement : null;
  }

  /** The {@code XA PREPARE} statements relayed since {@link #arm()}. */
  int preparesSinceArmed() {
    return prepares.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket database = new Socket(InetAddress.getLoopbackAddress(), databasePort);
        client.setTcpNoDelay(true);
        database.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(database);
        relay("commit-gate-up", () -> clientToDatabase(client, database), client, database);
        relay("commit-gate-down", () -> copy(database, client), client, database);
      } catch (IOException e) {
        // closed
      }
    }
  }

  private interface Pump {
    void run() throws IOException;
  }

  private void relay(String name, Pump pump, Socket a, Socket b) {
    Thread t = new Thread(() -> {
      try {
        pump.run();
      } catch (IOException ended) {
        // a side closed the connection
      } finally {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  private static void copy(Socket from, Socket to) throws IOException {
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    byte[] buffer = new byte[16384];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      out.flush();
    }
  }

  /** Relays packet by packet; a held commit is never written, and the relay then only waits for the end. */
  private void clientToDatabase(Socket client, Socket database) throws IOException {
    InputStream in = client.getInputStream();
    OutputStream out = database.getOutputStream();
    byte[] header = new byte[4];
    while (true) {
      if (!readFully(in, header)) {
        return;
      }
      int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
      byte[] payload = new byte[length];
      if (!readFully(in, payload)) {
        return;
      }
      if (length > 1 && (payload[0] & 0xff) == COM_QUERY) {
        String sql = new String(payload, 1, Math.min(length - 1, 200), StandardCharsets.UTF_8).trim();
        String upper = sql.toUpperCase();
        if (armed.get() && upper.startsWith("XA PREPARE")) {
          prepares.incrementAndGet();
        }
        if (upper.startsWith("XA COMMIT") && !upper.endsWith("ONE PHASE") && armed.compareAndSet(true, false)) {
          heldStatement = sql;
          held.countDown();
          // Held: the database never sees it. Wait for the client to go away (the server is killed).
          while (in.read(new byte[512]) >= 0) {
            // drain
          }
          return;
        }
      }
      out.write(header);
      out.write(payload);
      out.flush();
    }
  }

  private static boolean readFully(InputStream in, byte[] into) throws IOException {
    int off = 0;
    while (off < into.length) {
      int n = in.read(into, off, into.length - off);
      if (n < 0) {
        return false;
      }
      off += n;
    }
    return true;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }
}

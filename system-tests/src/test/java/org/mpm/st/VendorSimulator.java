package org.mpm.st;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the SMS vendors' simulators share: a JDK HTTP server on a free loopback port, the requests it received,
 * and the failure modes a test picks through the credential it configures: a key starting {@code DOWN-} is
 * answered 500 always, {@code FAIL<n>-} is refused as the vendor refuses a message on its first n calls.
 */
abstract class VendorSimulator implements ServerSimulator {

  /** One request as received: method, path, headers (lower-case names, first values), body and query string. */
  record Request(String method, String path, Map<String, String> headers, String body, String query) {

    /** A parameter of the query string, or null. */
    String param(String name) {
      return new Request("", "", Map.of(), query == null ? "" : query, null).form().get(name);
    }

    /** The form fields of a {@code application/x-www-form-urlencoded} body. */
    Map<String, String> form() {
      Map<String, String> out = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return out;
    }
  }

  /** A vendor's answer. */
  record Answer(int status, String body) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "vendor-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;

  final void listen() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL the server is configured with. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return requests;
  }

  @Override
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The vendor's answer to a request (already recorded). */
  abstract Answer answer(Request request);

  /** How many requests carried this credential so far, this one included. */
  final int callNumber(String credential) {
    return calls.computeIfAbsent(credential == null ? "" : credential, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Whether a call with this credential fails by its fault prefix ({@code FAIL<n>-} on its first n calls). */
  final boolean failsNow(String credential) {
    int n = callNumber(credential);
    int failFirst = credential != null && credential.matches("FAIL\\d+-.*")
        ? Integer.parseInt(credential.substring(4, credential.indexOf('-'))) : 0;
    return n <= failFirst;
  }

  static boolean down(String credential) {
    return credential != null && credential.startsWith("DOWN-");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body,
        exchange.getRequestURI().getRawQuery());
    requests.add(request);
    Answer a;
    try {
      a = answer(request);
    } catch (RuntimeException e) {
      a = new Answer(500, "{\"error\":\"" + e + "\"}");
    }
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }
}

package org.mpm.st;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the part of Bing Maps' REST services the server calls to check a key: {@code GET
 * /REST/v1/Imagery/Metadata/{imagerySet}?key=…}, answered as Bing documents it ("Common Response Description",
 * "Imagery Metadata"): 200 with {@code authenticationResultCode} {@code ValidCredentials} and the imagery metadata
 * for a key it was told to accept, 401 {@code InvalidCredentials} with Bing's error details for any other key, 401
 * {@code NoCredentials} without one. Keys that play faults: {@link #SLOW} answers after {@link #SLOW_MILLIS},
 * {@link #HANG_UP} closes the connection without an answer, {@link #FAILING} is Bing's 500. It can be stopped and
 * started again on the same port, to be unreachable.
 */
final class BingSimulator implements ServerSimulator {

  static final String SLOW = "SimulatorSlowKey";
  static final String HANG_UP = "SimulatorHangUpKey";
  static final String FAILING = "SimulatorFailingKey";
  static final long SLOW_MILLIS = 6_000;

  private static final String COPYRIGHT = "Copyright © 2025 Microsoft and its suppliers. All rights reserved. This API"
      + " cannot be accessed and the content and any results may not be used, reproduced or transmitted in any"
      + " manner without express written permission from Microsoft Corporation.";
  private static final String LOGO = "http://dev.virtualearth.net/Branding/logo_powered_by.png";

  /** The port, chosen at the first start and kept by a restart. */
  private int port;
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "bing-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;

  private BingSimulator() {}

  /** Starts the simulator on a free port of the loopback interface. */
  static BingSimulator start() throws IOException {
    BingSimulator s = new BingSimulator();
    s.listen();
    return s;
  }

  private void listen() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.setExecutor(executor);
    server.createContext("/REST/v1/Imagery/Metadata/", this::handle);
    server.start();
    port = server.getAddress().getPort();
  }

  /** The base URL the server is configured with. */
  String baseUrl() {
    return "http://127.0.0.1:" + port + "/REST/v1";
  }

  /** Makes Bing accept this key. */
  void accept(String key) {
    valid.add(key);
  }

  /** The requests received, as {@code path?query}, oldest first. */
  List<String> requests() {
    return requests;
  }

  /** Stops answering: connections to the port are refused. */
  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Answers again, on the same port. */
  synchronized void restart() throws IOException {
    if (server == null) {
      listen();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
    String key = key(query);
    if (HANG_UP.equals(key)) {
      exchange.close();
      return;
    }
    if (SLOW.equals(key)) {
      try {
        Thread.sleep(SLOW_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (FAILING.equals(key)) {
      answer(exchange, 500, common("ValidCredentials", 500, "Internal Server Error")
          + ",\"errorDetails\":[\"An error occurred while processing the request.\"],\"resourceSets\":[]}");
    } else if (key == null || key.isEmpty()) {
      answer(exchange, 401, common("NoCredentials", 401, "Unauthorized") + ",\"errorDetails\":[\"Access was"
          + " denied. You may have entered your credentials incorrectly, or you might not have access to the"
          + " requested resource or operation.\"],\"resourceSets\":[]}");
    } else if (valid.contains(key) || SLOW.equals(key)) {
      answer(exchange, 200, common("ValidCredentials", 200, "OK") + ",\"resourceSets\":[{\"estimatedTotal\":1,"
          + "\"resources\":[{\"__type\":\"ImageryMetadata:http://schemas.microsoft.com/search/local/ws/rest/v1\","
          + "\"imageHeight\":256,\"imageUrl\":\"http://ecn.{subdomain}.tiles.virtualearth.net/tiles/a{quadkey}.jpeg"
          + "?g=14237\",\"imageUrlSubdomains\":[\"t0\",\"t1\",\"t2\",\"t3\"],\"imageWidth\":256,"
          + "\"imageryProviders\":null,\"vintageEnd\":null,\"vintageStart\":null,\"zoomMax\":21,\"zoomMin\":1}]}]}");
    } else {
      answer(exchange, 401, common("InvalidCredentials", 401, "Unauthorized") + ",\"errorDetails\":[\"Access was"
          + " denied. You may have entered your credentials incorrectly, or you might not have access to the"
          + " requested resource or operation.\"],\"resourceSets\":[]}");
    }
  }

  /** The fields every answer starts with, without the closing brace. */
  private static String common(String code, int status, String description) {
    return "{\"authenticationResultCode\":\"" + code + "\",\"brandLogoUri\":\"" + LOGO + "\",\"copyright\":\""
        + COPYRIGHT + "\",\"statusCode\":" + status + ",\"statusDescription\":\"" + description + "\",\"traceId\":\""
        + UUID.randomUUID().toString().replace("-", "") + "|DU00000B73|0.0.0.0\"";
  }

  private static String key(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("key=")) {
        return URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_MAPS_BING_URL", baseUrl(), "MPM_MAPS_BING_TIMEOUT_MS", "2000");
  }
}

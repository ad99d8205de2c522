package org.mpm.tenancy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.dmr.ModelType;
import org.jboss.dmr.ValueExpression;

/**
 * WildFly's management API as {@link WildFlyTenantDataSources} needs it: the XA data sources of the
 * {@code datasources} subsystem, read, added and removed through the management client on the server's own
 * management port (the local user's authentication: no credential). Only this class refers to the client's types,
 * so that on Payara, where they are missing, nothing loads them.
 */
final class WildFlyManagement implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WildFlyManagement.class.getName());
  /** The attributes of a pool this application sets and compares, in the management model's names. */
  static final String URL = "url";

  private final ModelControllerClient client;

  private WildFlyManagement(ModelControllerClient client) {
    this.client = client;
  }

  /**
   * The client of this server's management interface: its address and port as the server was started with them
   * (management interface address, HTTP management port, port offset).
   */
  static WildFlyManagement local() {
    String host = System.getProperty("jboss.bind.address.management", "127.0.0.1");
    if ("0.0.0.0".equals(host) || "::".equals(host)) {
      host = "127.0.0.1";
    }
    int port = Integer.getInteger("jboss.management.http.port", 9990)
        + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    try {
      return new WildFlyManagement(ModelControllerClient.Factory.create("remote+http", host, port));
    } catch (IOException e) {
      throw new IllegalStateException("WildFly's management interface at " + host + ":" + port
          + " is not reachable", e);
    }
  }

  /**
   * The settings of an XA data source, as {@link #addXaDataSource} takes them, or null when there is none; an
   * expression is given as written ({@code ${env.X}}).
   */
  Map<String, String> readXaDataSource(String pool) {
    ModelNode op = op("read-resource", pool);
    op.get("recursive").set(true);
    ModelNode result = client().executeOrNull(op);
    if (result == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : result.keys()) {
      ModelNode value = result.get(name);
      if (value.isDefined() && value.getType() != ModelType.OBJECT && value.getType() != ModelType.LIST) {
        out.put(name, text(value));
      }
    }
    ModelNode url = result.get("xa-datasource-properties", "URL", "value");
    if (url.isDefined()) {
      out.put(URL, text(url));
    }
    return out;
  }

  /**
   * Adds an XA data source: every entry of {@code attributes} is an attribute of the resource but {@link #URL},
   * the driver's URL property; a value of the form {@code ${…}} is an expression the server resolves when it uses
   * it.
   */
  void addXaDataSource(String pool, Map<String, String> attributes) {
    ModelNode composite = new ModelNode();
    composite.get("operation").set("composite");
    composite.get("address").setEmptyList();
    ModelNode add = op("add", pool);
    attributes.forEach((name, value) -> {
      if (!URL.equals(name)) {
        add.get(name).set(value(value));
      }
    });
    ModelNode url = op("add", pool);
    url.get("address").add("xa-datasource-properties", "URL");
    url.get("value").set(value(attributes.get(URL)));
    composite.get("steps").add(add);
    composite.get("steps").add(url);
    client().execute(composite, "add " + pool);
  }

  /** Removes an XA data source; a missing one is not an error. */
  void removeXaDataSource(String pool) {
    ModelNode op = op("remove", pool);
    op.get("operation-headers", "allow-resource-service-restart").set(true);
    client().executeOrNull(op);
  }

  /**
   * Removes an XA data source without waiting: at startup, during the deployment, the server applies no change to
   * its configuration until the deployment is done.
   */
  void removeXaDataSourceLater(String pool) {
    ModelNode op = op("remove", pool);
    op.get("operation-headers", "allow-resource-service-restart").set(true);
    client.executeAsync(op, null);
  }

  /** Closes the idle connections of an XA data source; those in use stay. */
  void flushIdleConnections(String pool) {
    client().execute(op("flush-idle-connection-in-pool", pool), "flush-idle-connection-in-pool " + pool);
  }

  private static ModelNode op(String operation, String pool) {
    ModelNode op = new ModelNode();
    op.get("operation").set(operation);
    op.get("address").add("subsystem", "datasources").add("xa-data-source", pool);
    return op;
  }

  private static ModelNode value(String value) {
    return value.startsWith("${") ? new ModelNode(new ValueExpression(value)) : new ModelNode(value);
  }

  private static String text(ModelNode value) {
    return value.getType() == ModelType.EXPRESSION ? value.asExpression().getExpressionString() : value.asString();
  }

  private Client client() {
    return new Client();
  }

  /** Runs one operation and reads its outcome. */
  private final class Client {

    /** The result, or null when the operation failed because the resource does not exist. */
    ModelNode executeOrNull(ModelNode op) {
      ModelNode response = send(op);
      if ("success".equals(response.get("outcome").asString())) {
        return response.get("result");
      }
      LOG.fine(() -> "WildFly management: " + op.get("operation").asString() + " failed: "
          + response.get("failure-description"));
      return null;
    }

    void execute(ModelNode op, String what) {
      ModelNode response = send(op);
      if (!"success".equals(response.get("outcome").asString())) {
        throw new IllegalStateException("WildFly management: " + what + " failed: "
            + response.get("failure-description"));
      }
    }

    private ModelNode send(ModelNode op) {
      try {
        return client.execute(op);
      } catch (IOException e) {
        throw new IllegalStateException("WildFly's management interface did not answer", e);
      }
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      LOG.fine(() -> "Closing the management client: " + e);
    }
  }
}

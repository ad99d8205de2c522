package org.mpm.settings;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.settings.BingKeyCheck.Verdict;

/**
 * Bing Maps' REST services, for checking a key: {@code GET <url>/Imagery/Metadata/Aerial?key=…} (the call MPM made
 * before it dropped the check), whose answer says whether the key is valid ({@link BingKeyCheck}). The base URL
 * ({@code mpm.maps.bing.url}) and the connect and read timeouts ({@code mpm.maps.bing.timeout-ms}) come from the
 * configuration. Holds no database resource: call it outside any transaction.
 */
@ApplicationScoped
public class BingMaps {

  private static final Logger LOG = Logger.getLogger(BingMaps.class.getName());

  @Inject
  @ConfigProperty(name = "mpm.maps.bing.url", defaultValue = "https://dev.virtualearth.net/REST/v1")
  String url;

  @Inject
  @ConfigProperty(name = "mpm.maps.bing.timeout-ms", defaultValue = "5000")
  long timeoutMs;

  private Client client;

  @PostConstruct
  void open() {
    client = ClientBuilder.newBuilder()
        .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /**
   * Whether Bing accepts the key.
   *
   * @throws MapsUnavailableException when Bing cannot be reached in time or gives no verdict
   */
  public boolean validKey(String key) {
    Verdict verdict;
    try (Response r = client.target(url).path("Imagery/Metadata/Aerial").queryParam("key", key)
        .request(MediaType.APPLICATION_JSON).get()) {
      int status = r.getStatus();
      verdict = BingKeyCheck.of(status, r.readEntity(String.class));
      if (verdict == Verdict.UNKNOWN) {
        LOG.warning(() -> "Bing Maps answered " + status + " without a verdict on the key");
      }
    } catch (ProcessingException e) {
      LOG.warning(() -> "Bing Maps could not be reached at " + url + ": " + e.getMessage());
      throw new MapsUnavailableException();
    }
    if (verdict == Verdict.UNKNOWN) {
      throw new MapsUnavailableException();
    }
    return verdict == Verdict.VALID;
  }
}

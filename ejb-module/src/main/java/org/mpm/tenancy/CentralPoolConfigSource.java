package org.mpm.tenancy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The central pool's connection URL with its credentials ({@value #KEY}), derived from {@code mpm.db.url},
 * {@code mpm.db.user} and {@code mpm.db.password}. The pool of {@link CentralDataSource} is defined in the
 * application and lives in memory only, so the credentials can travel in its URL; this is what lets an empty
 * password be sent as none at all (an empty configuration value counts as missing in MicroProfile Config, and a
 * data source definition's password reference that cannot be resolved is sent as written).
 */
public class CentralPoolConfigSource implements ConfigSource {

  public static final String KEY = "mpm.db.central-pool.url";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public Map<String, String> getProperties() {
    String value = getValue(KEY);
    return value == null ? Map.of() : Map.of(KEY, value);
  }

  @Override
  public String getValue(String name) {
    if (!KEY.equals(name)) {
      return null;
    }
    var config = ConfigProvider.getConfig();
    return withCredentials(
        config.getOptionalValue("mpm.db.url", String.class)
            .orElse("jdbc:mysql://127.0.0.1:3306/micro_power_manager"),
        config.getOptionalValue("mpm.db.user", String.class).orElse("root"),
        config.getOptionalValue("mpm.db.password", String.class).orElse(""));
  }

  /** The URL with {@code user} and, when there is one, {@code password} as (encoded) parameters. */
  static String withCredentials(String url, String user, String password) {
    StringBuilder out = new StringBuilder(url).append(url.indexOf('?') >= 0 ? '&' : '?')
        .append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
    if (!password.isEmpty()) {
      out.append("&password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  @Override
  public String getName() {
    return "mpm-central-pool";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}

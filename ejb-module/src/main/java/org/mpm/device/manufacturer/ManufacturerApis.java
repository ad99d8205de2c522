package org.mpm.device.manufacturer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The manufacturer integrations deployed, by {@code manufacturers.api_name}. */
@ApplicationScoped
public class ManufacturerApis {

  @Inject @Any Instance<ManufacturerApi> all;
  private final Map<String, ManufacturerApi> byName = new HashMap<>();

  @PostConstruct
  void index() {
    for (ManufacturerApi api : all) {
      byName.put(api.apiName(), api);
    }
  }

  /** The integration bound under an api_name; empty for null or an unknown name. */
  public Optional<ManufacturerApi> find(String apiName) {
    return apiName == null ? Optional.empty() : Optional.ofNullable(byName.get(apiName));
  }
}

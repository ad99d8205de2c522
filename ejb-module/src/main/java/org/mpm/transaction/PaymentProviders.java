package org.mpm.transaction;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The payment providers deployed, by morph alias. */
@ApplicationScoped
public class PaymentProviders {

  @Inject @Any Instance<PaymentProvider> all;
  private final Map<String, PaymentProvider> byMorph = new HashMap<>();

  @PostConstruct
  void index() {
    for (PaymentProvider p : all) {
      byMorph.put(p.morph(), p);
    }
  }

  public Optional<PaymentProvider> find(String morph) {
    return Optional.ofNullable(byMorph.get(morph));
  }

  public PaymentProvider get(String morph) {
    return find(morph).orElseThrow(() -> new IllegalStateException("No payment provider " + morph));
  }
}

package org.mpm.plugins.swifta;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.tenancy.CompanySchedule;
import org.mpm.tenancy.DueWork;

/**
 * The clock of {@link SwiftaExpiry}: every {@code MPM_SWIFTA_EXPIRY_CHECK_SECONDS} (3600), on every node, for every
 * company that has the plugin enabled — safe at once on several nodes (the rows are taken under lock and failed once),
 * so a requested payment is failed within an hour of turning 24 hours old rather than at the next midnight.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SwiftaSchedule extends CompanySchedule {

  /** Companies with payments requested and not confirmed (whether any is 24 hours old is asked of each). */
  static final DueWork.Queue REQUESTED = new DueWork.Queue("swifta_transactions",
      "status = " + SwiftaPaymentProvider.STATUS_REQUESTED);

  @Inject SwiftaExpiry expiry;

  @Inject
  @ConfigProperty(name = "mpm.swifta.expiry-check-seconds", defaultValue = "3600")
  long checkSeconds;

  @PostConstruct
  void start() {
    every("swifta-expiry", 15_000, checkSeconds);
  }

  @Override
  protected DueWork.Queue queue() {
    return REQUESTED;
  }

  @Override
  protected String what() {
    return "the Swifta expiry";
  }

  @Override
  protected void work() {
    expiry.expire();
  }
}

package org.mpm.plugins.smsparser;

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
 * The sweep of {@link SmsPayments}: every {@code MPM_SMS_PARSER_RETRY_SECONDS} (60), on every node, for every
 * company, the payments read from messages and left unbooked are booked — safe at once on several nodes (the rows
 * are claimed with {@code FOR UPDATE SKIP LOCKED}, and a payment is booked once by its reference).
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmsPaymentSchedule extends CompanySchedule {

  /** Payments read from messages, not booked, whose next attempt is due. */
  static final DueWork.Queue DUE = new DueWork.Queue("sms_parser_bookings",
      "booked_at IS NULL AND next_attempt_at <= ?");

  @Inject SmsPayments payments;

  @Inject
  @ConfigProperty(name = "mpm.sms-parser.retry-seconds", defaultValue = "60")
  long retrySeconds;

  @PostConstruct
  void start() {
    every("sms-parser-bookings", 20_000, retrySeconds);
  }

  @Override
  protected DueWork.Queue queue() {
    return DUE;
  }

  @Override
  protected String what() {
    return "the SMS payments' sweep";
  }

  @Override
  protected void work() {
    payments.sweep();
  }
}

package org.mpm.plugins.smsparser;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.plugins.smsparser.SmsPaymentBookings.Booking;
import org.mpm.sms.SmsReceived;
import org.mpm.sms.SmsStored;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;

/**
 * MPM's SmsStoredListener: an incoming message that one of the company's enabled rules reads as a mobile-money
 * confirmation becomes a payment through {@link PaymentIngress}, keyed by the provider's transaction reference, so
 * the same confirmation received twice, also at once, is booked once. What the rule read is kept with the message,
 * in its transaction ({@link SmsPaymentBookings}); it is booked once that transaction has committed, outside it,
 * and — when the booking fails (a deadlock that outlasted the pipeline's retries, a stopped server) — again by
 * {@link SmsPaymentSchedule} until it is booked or refused. A refused payment (an unknown device …) is kept by the
 * pipeline as a rejected record.
 */
@ApplicationScoped
public class SmsPayments {

  private static final Logger LOG = Logger.getLogger(SmsPayments.class.getName());
  /** How many unbooked payments a sweep takes per company. */
  static final int SWEEP = 50;

  @Inject SmsParsingRules rules;
  @Inject SmsPaymentBookings bookings;
  @Inject PaymentIngress ingress;

  /** In the inbox's transaction: keeps the payment the message announces. */
  void stored(@Observes SmsStored message) {
    rules.match(message.sender(), message.body()).ifPresent(p -> bookings.add(message.smsId(), message.sender(), p));
  }

  /** After the inbox's commit: books the message's payment, if it announced one. */
  void received(@Observes SmsReceived message) {
    try {
      bookings.claim(message.smsId(), 1).forEach(this::book);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The payment of SMS " + message.smsId() + " is left to the sweep", e);
    }
  }

  /** Books the current company's unbooked payments whose next attempt is due; returns how many were taken. */
  public int sweep() {
    var due = bookings.claim(null, SWEEP);
    due.forEach(this::book);
    return due.size();
  }

  private void book(Booking b) {
    try {
      ingress.receive(b.request());
      bookings.done(b.id(), "Booked");
    } catch (PaymentRejectedException e) {
      LOG.info("SMS payment " + b.reference() + " refused: " + e.getMessage());
      bookings.done(b.id(), "Refused: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "SMS payment " + b.reference() + " could not be booked; it is tried again", e);
      bookings.failed(b.id(), String.valueOf(e.getMessage()));
    }
  }
}

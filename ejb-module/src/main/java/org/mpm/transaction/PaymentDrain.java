package org.mpm.transaction;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeRequest;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeResult;
import org.mpm.sms.SmsGateway;
import org.mpm.sms.SmsService;
import org.mpm.tenancy.TenantContext;
import org.mpm.transaction.PaymentJobSteps.Job;
import org.mpm.transaction.PaymentJobSteps.PermanentFailure;
import org.mpm.transaction.PaymentJobSteps.RemoteVend;

/**
 * One pass over a company's due jobs: claim a batch, carry out each job (the manufacturer or SMS gateway called
 * outside any transaction), record the outcome, until nothing is due. Runs in its own request context bound to
 * the company.
 */
@ApplicationScoped
public class PaymentDrain {

  private static final Logger LOG = Logger.getLogger(PaymentDrain.class.getName());
  static final int BATCH = 50;

  @Inject TenantContext tenant;
  @Inject PaymentJobSteps steps;
  @Inject SmsService sms;

  /**
   * Carries out every due job of the company; returns the times at which retried jobs fall due.
   *
   * @param backdate record tokens at their payment's time (demo data)
   */
  @ActivateRequestContext
  public List<LocalDateTime> drain(long companyId, String database, boolean backdate) {
    tenant.set(companyId, database);
    List<LocalDateTime> retries = new ArrayList<>();
    while (true) {
      List<Job> jobs = steps.claim(BATCH);
      if (jobs.isEmpty()) {
        return retries;
      }
      for (Job job : jobs) {
        Optional<LocalDateTime> retry;
        try {
          retry = PaymentJobs.VEND.equals(job.kind()) ? vend(job, backdate) : send(job);
        } catch (RuntimeException e) {
          retry = fail(job, e);
        }
        retry.ifPresent(retries::add);
      }
    }
  }

  private Optional<LocalDateTime> vend(Job job, boolean backdate) {
    Optional<RemoteVend> remote = steps.vend(job.id(), backdate);
    if (remote.isEmpty()) {
      return Optional.empty();
    }
    RemoteVend v = remote.get();
    // Outside any transaction; the transaction id is the integration's idempotency key.
    ChargeResult result = v.api().charge(new ChargeRequest(v.device(), v.amount().doubleValue(), v.transactionId()));
    steps.recordRemoteVend(job.id(), result);
    return Optional.empty();
  }

  private Optional<LocalDateTime> send(Job job) {
    Optional<SmsService.Outgoing> out = steps.smsToSend(job.id());
    if (out.isEmpty()) {
      return Optional.empty();
    }
    SmsGateway gateway = sms.gateway();
    SmsGateway.Result result;
    try {
      result = gateway.send(out.get().receiver(), out.get().body(), out.get().uuid());
    } catch (RuntimeException e) {
      result = SmsGateway.Result.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return steps.smsSent(job.id(), out.get().id(), result, gateway.pluginId());
  }

  private Optional<LocalDateTime> fail(Job job, RuntimeException thrown) {
    Throwable cause = thrown;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException r && !(cause instanceof PermanentFailure)) {
      cause = PermanentFailure.ifDeterministic(r);
    }
    boolean permanent = cause instanceof PermanentFailure;
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    LOG.log(permanent ? Level.WARNING : Level.INFO, "Job " + job.id() + " (" + job.kind() + " " + job.refId()
        + ", attempt " + job.attempts() + ") failed: " + message);
    try {
      return steps.failed(job.id(), message, permanent);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record the failure of job " + job.id() + "; its lease runs out", e);
      return Optional.empty();
    }
  }
}

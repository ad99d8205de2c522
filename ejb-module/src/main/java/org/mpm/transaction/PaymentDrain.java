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
      List<Job> vends = jobs.stream().filter(j -> PaymentJobs.VEND.equals(j.kind())).toList();
      List<Job> messages = jobs.stream().filter(j -> PaymentJobs.SMS.equals(j.kind())).toList();
      vendAll(vends, backdate, retries);
      sendAll(messages, retries);
    }
  }

  /** The batch's vends in one transaction; when that fails, one by one so a bad job holds up no other. */
  private void vendAll(List<Job> jobs, boolean backdate, List<LocalDateTime> retries) {
    if (jobs.isEmpty()) {
      return;
    }
    List<RemoteVend> remote;
    try {
      remote = steps.vendAll(jobs.stream().map(Job::id).toList(), backdate);
    } catch (RuntimeException batchFailed) {
      for (Job job : jobs) {
        try {
          vend(job, backdate);
        } catch (RuntimeException e) {
          fail(job, e).ifPresent(retries::add);
        }
      }
      return;
    }
    for (RemoteVend v : remote) {
      Job job = jobs.stream().filter(j -> j.id() == v.jobId()).findFirst().orElseThrow();
      try {
        charge(v);
      } catch (RuntimeException e) {
        fail(job, e).ifPresent(retries::add);
      }
    }
  }

  /** The batch's messages: read in one transaction, sent outside any, the answers recorded in one. */
  private void sendAll(List<Job> jobs, List<LocalDateTime> retries) {
    if (jobs.isEmpty()) {
      return;
    }
    List<PaymentJobSteps.SmsWork> work = steps.smsToSendAll(jobs.stream().map(Job::id).toList());
    SmsGateway gateway = sms.gateway();
    List<PaymentJobSteps.SmsOutcome> outcomes = new ArrayList<>();
    for (PaymentJobSteps.SmsWork w : work) {
      SmsGateway.Result result;
      try {
        result = gateway.send(w.sms().receiver(), w.sms().body(), w.sms().uuid());
      } catch (RuntimeException e) {
        result = SmsGateway.Result.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      outcomes.add(new PaymentJobSteps.SmsOutcome(w.jobId(), w.sms().id(), result, gateway.pluginId()));
    }
    retries.addAll(steps.smsSentAll(outcomes));
  }

  private void vend(Job job, boolean backdate) {
    Optional<RemoteVend> remote = steps.vend(job.id(), backdate);
    if (remote.isPresent()) {
      charge(remote.get());
    }
  }

  /** A remote integration's charge, outside any transaction (the transaction id is its idempotency key). */
  private void charge(RemoteVend v) {
    ChargeResult result = v.api().charge(new ChargeRequest(v.device(), v.amount().doubleValue(), v.transactionId()));
    steps.recordRemoteVend(v.jobId(), result);
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

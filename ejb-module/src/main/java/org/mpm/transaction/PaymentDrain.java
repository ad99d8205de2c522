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
 * One pass over a company's due jobs: claim a batch (vending for local integrations in the claim's transaction),
 * carry out the rest (a remote manufacturer or the SMS gateway called outside any transaction), record the
 * outcome, until nothing is due. Runs in its own request context bound to
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
   * What a pass over the queue left: when retried jobs fall due, and whether it stopped with work possibly left
   * (its last batch carried some out, and what that queued — confirmations for a gateway that sends outside the
   * transaction — or what arrived meanwhile is due).
   */
  public record Pass(List<LocalDateTime> retries, boolean more) {}

  /**
   * Carries out the company's due jobs, batch after batch while batches come full, and stops after the first
   * batch that is not: the caller comes back for more after a moment (see {@link PaymentWorker}) rather than at
   * once, so that a round under load carries the payments of that moment together.
   *
   * @param backdate record tokens at their payment's time (demo data)
   */
  @ActivateRequestContext
  public Pass drain(long companyId, String database, boolean backdate) {
    tenant.set(companyId, database);
    List<LocalDateTime> retries = new ArrayList<>();
    while (true) {
      List<Job> jobs;
      List<RemoteVend> remote;
      try {
        PaymentJobSteps.Round round = steps.claimAndVend(BATCH, backdate);
        jobs = round.jobs();
        remote = round.remote();
      } catch (RuntimeException roundFailed) {
        // A local vend failed and took the round's claim with it: claim again and vend one by one, so that one
        // bad job holds up no other.
        jobs = steps.claim(BATCH);
        remote = List.of();
        for (Job job : ofKind(jobs, PaymentJobs.VEND)) {
          try {
            vend(job, backdate);
          } catch (RuntimeException e) {
            fail(job, e).ifPresent(retries::add);
          }
        }
      }
      if (jobs.isEmpty()) {
        return new Pass(retries, false);
      }
      for (RemoteVend v : remote) {
        Job job = jobs.stream().filter(j -> j.id() == v.jobId()).findFirst().orElseThrow();
        try {
          charge(v);
        } catch (RuntimeException e) {
          fail(job, e).ifPresent(retries::add);
        }
      }
      sendAll(ofKind(jobs, PaymentJobs.SMS), retries);
      if (jobs.size() < BATCH) {
        return new Pass(retries, true);
      }
    }
  }

  private static List<Job> ofKind(List<Job> jobs, String kind) {
    return jobs.stream().filter(j -> kind.equals(j.kind())).toList();
  }

  /**
   * The batch's messages: read in one transaction, sent outside any. A gateway that sends over the network has
   * each answer recorded at once, in a transaction of its own, so a crash sends at most the message on its way
   * again; the others' answers are recorded together.
   */
  private void sendAll(List<Job> jobs, List<LocalDateTime> retries) {
    if (jobs.isEmpty()) {
      return;
    }
    List<PaymentJobSteps.SmsWork> work = steps.smsToSendAll(jobs.stream().map(Job::id).toList());
    SmsGateway gateway = sms.gateway();
    List<PaymentJobSteps.SmsOutcome> outcomes = new ArrayList<>();
    for (PaymentJobSteps.SmsWork w : work) {
      SmsGateway.Result result = SmsGateway.sendOrFail(gateway, w.sms().receiver(), w.sms().body(), w.sms().uuid());
      PaymentJobSteps.SmsOutcome outcome = new PaymentJobSteps.SmsOutcome(w.jobId(), w.sms().id(), result,
          gateway.pluginId());
      if (gateway.sendsInTransaction()) {
        outcomes.add(outcome);
      } else {
        retries.addAll(steps.smsSentAll(List.of(outcome)));
      }
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

package org.mpm.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.tenancy.TenantContext;

/** One pass over a company's import jobs: claim one, carry it out, record its end, until none is due. */
@ApplicationScoped
public class ImportDrain {

  private static final Logger LOG = Logger.getLogger(ImportDrain.class.getName());

  @Inject TenantContext tenant;
  @Inject ImportJobs jobs;
  @Inject Imports imports;

  @ActivateRequestContext
  public void drain(long companyId, String database) {
    tenant.set(companyId, database);
    for (Optional<ImportJobs.Claimed> job = jobs.claim(); job.isPresent(); job = jobs.claim()) {
      ImportJobs.Claimed c = job.get();
      try {
        Imports.Outcome o = imports.execute(c);
        jobs.finish(c.id(), o.completed(), o.result(), o.error());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Import job " + c.id() + " of company " + companyId + " failed", e);
        jobs.finish(c.id(), false, null, String.valueOf(e.getMessage()));
      }
    }
  }
}

package org.mpm.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.mpm.tenancy.CompanySchedule;
import org.mpm.tenancy.DueWork;

/**
 * Every ten minutes, on every node, the {@link PlacementChanges#fold} of every company with changes recorded: safe
 * at once on several nodes (a row is deleted and counted by one of them).
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlacementChangesSchedule extends CompanySchedule {

  /** Companies with changes recorded (the fold takes those older than ten seconds). */
  static final DueWork.Queue UNFOLDED = new DueWork.Queue("placement_changes", "id > 0");

  @Inject PlacementChanges changes;

  @PostConstruct
  void start() {
    every("placement-changes-fold", 60_000, 600);
  }

  @Override
  protected DueWork.Queue queue() {
    return UNFOLDED;
  }

  @Override
  protected String what() {
    return "folding the dashboards' placement changes";
  }

  @Override
  protected void work() {
    changes.fold();
  }
}

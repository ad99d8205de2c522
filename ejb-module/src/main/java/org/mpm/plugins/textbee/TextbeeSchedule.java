package org.mpm.plugins.textbee;

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
 * The clock of TextBee's poll ({@link TextbeeReception#poll}): every {@code MPM_TEXTBEE_POLL_SECONDS} (60; 0 turns
 * the poll off), on every node, for every company that has the plugin enabled with an API key and a device — each
 * company's poll is claimed, so one node polls it at a time.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TextbeeSchedule extends CompanySchedule {

  /** Companies with an API key and a device saved (whether the plugin is enabled is asked of each). */
  static final DueWork.Queue SET_UP = new DueWork.Queue("textbee_credentials",
      "api_key <> '' AND device_id <> ''");

  @Inject TextbeeReception reception;

  @Inject
  @ConfigProperty(name = "mpm.textbee.poll-seconds", defaultValue = "60")
  long pollSeconds;

  @PostConstruct
  void start() {
    every("textbee-poll", 25_000, pollSeconds);
  }

  @Override
  protected DueWork.Queue queue() {
    return SET_UP;
  }

  @Override
  protected String what() {
    return "the TextBee poll";
  }

  @Override
  protected void work() {
    reception.poll();
  }
}

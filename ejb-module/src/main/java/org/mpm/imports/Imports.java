package org.mpm.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;

/**
 * Runs an import of customers, devices, transactions, clusters, appliances or
 * sold appliances: at once, or as a background job
 * ({@link ImportJobs}) whose rows are kept with it and carried out by {@link ImportWorker} on any node.
 */
@ApplicationScoped
public class Imports {

  public static final String CUSTOMERS = "customers";
  public static final String DEVICES = "devices";
  public static final String TRANSACTIONS = "transactions";
  public static final String CLUSTERS = "clusters";
  public static final String APPLIANCES = "appliances";
  public static final String APPLIANCE_PEOPLE = "appliance-people";

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  @Inject CustomerImports customers;
  @Inject DeviceImports devices;
  @Inject TransactionImports transactions;
  @Inject CatalogImports catalog;
  @Inject AppliancePersonImports appliancePeople;
  @Inject ImportJobs jobs;
  @Inject ImportWorker worker;
  @Inject TenantDatabase tenantDb;

  /** Imports the rows now. */
  public ImportResult run(String type, List<?> items) {
    return switch (type) {
      case CUSTOMERS -> customers.importAll(cast(items, CustomerItem.class));
      case DEVICES -> devices.importAll(cast(items, DeviceItem.class));
      case TRANSACTIONS -> transactions.importAll(cast(items, TransactionItem.class));
      case CLUSTERS -> catalog.clusters(cast(items, ClusterItem.class));
      case APPLIANCES -> catalog.appliances(cast(items, ApplianceItem.class));
      case APPLIANCE_PEOPLE -> appliancePeople.importAll(cast(items, AppliancePersonItem.class));
      default -> throw new IllegalArgumentException("import " + type);
    };
  }

  /** Keeps the rows as a pending job and wakes this node's worker; returns the job's id. */
  public String submit(String type, List<?> items) {
    String jobId = jobs.create(type, items.size(), JSONB.toJson(items));
    worker.wake(tenantDb.companyId(), tenantDb.databaseName());
    return jobId;
  }

  /** The outcome of a claimed job: whether it completed, its result (JSON) and its error. */
  public record Outcome(boolean completed, String result, String error) {}

  public Outcome execute(ImportJobs.Claimed job) {
    List<?> items = switch (job.type()) {
      case CUSTOMERS -> Arrays.asList(JSONB.fromJson(job.payload(), CustomerItem[].class));
      case DEVICES -> Arrays.asList(JSONB.fromJson(job.payload(), DeviceItem[].class));
      case CLUSTERS -> Arrays.asList(JSONB.fromJson(job.payload(), ClusterItem[].class));
      case APPLIANCES -> Arrays.asList(JSONB.fromJson(job.payload(), ApplianceItem[].class));
      case APPLIANCE_PEOPLE -> Arrays.asList(JSONB.fromJson(job.payload(), AppliancePersonItem[].class));
      default -> Arrays.asList(JSONB.fromJson(job.payload(), TransactionItem[].class));
    };
    try {
      return new Outcome(true, JSONB.toJson(run(job.type(), items).toMap()), null);
    } catch (ValidationException e) {
      return new Outcome(false, JSONB.toJson(Map.of("success", false, "errors", e.errors())), null);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<?> items, Class<T> type) {
    for (Object o : items) {
      type.cast(o);
    }
    return (List<T>) items;
  }
}

package org.mpm.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.auth.ApiKeyService;
import org.mpm.company.Company;
import org.mpm.company.CompanyRegistration;
import org.mpm.company.CompanyRegistrationService;
import org.mpm.customer.PersonService;
import org.mpm.geography.GeographyService;
import org.mpm.settings.MainSettingsChange;
import org.mpm.settings.MainSettingsService;
import org.mpm.settings.MapSettings;
import org.mpm.settings.MapSettingsService;
import org.mpm.tenancy.DatabaseConfig;
import org.mpm.tenancy.TenantContext;
import org.mpm.user.Role;
import org.mpm.user.UserService;
import org.mpm.user.UserView;

/**
 * MPM's demo company on a fresh installation: "Demo Company" in database {@code DemoCompany_1}, its owner,
 * financial manager and regular user (password 123123), currency TZS, the demo manufacturer plugins, the API
 * key {@code demo-api-key-1234567890}, MPM's demo clusters, mini-grids and villages ({@link DemoGeography}),
 * 250 customers ({@link DemoCustomers}) and their meters, solar home systems and e-bikes with MPM's demo tariffs,
 * connection types and manufacturers ({@link DemoDevices}), an agent per mini-grid ({@link DemoAgents}) and
 * 1000 payments of the last year with their tokens and SMS ({@link DemoTransactions}), ticket categories,
 * tickets with comments, a payout report and conversations with customers ({@link DemoTickets}), targets and
 * village reports ({@link DemoTargets}). Its settings
 * are saved as the owner would save them in the console's first-run dialog (country Tanzania; the maps on MPM's
 * default centre and zoom with OpenStreetMap tiles), so the console opens on the dashboard. Runs only when no
 * company exists; a database lock keeps two nodes starting together from seeding twice.
 */
@ApplicationScoped
public class DemoSeeder {

  private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

  public static final String PASSWORD = "123123";
  public static final String OWNER = "demo_company_admin@example.com";
  public static final String FINANCIAL_MANAGER = "demo_company_financial_manager@example.com";
  public static final String REGULAR_USER = "demo_company_regular_user@example.com";
  public static final String API_KEY = "demo-api-key-1234567890";

  @Inject
  @ConfigProperty(name = "mpm.demo.enabled", defaultValue = "true")
  boolean enabled;

  @Inject DatabaseConfig config;
  @Inject CompanyRegistrationService registration;
  @Inject UserService users;
  @Inject ApiKeyService apiKeys;
  @Inject TenantContext tenant;
  @Inject GeographyService geography;
  @Inject PersonService people;
  @Inject DemoDevices devices;
  @Inject DemoAgents agents;
  @Inject DemoAgentLedger agentLedger;
  @Inject DemoTransactions transactions;
  @Inject DemoAppliances appliances;
  @Inject DemoTickets tickets;
  @Inject DemoTargets targets;
  @Inject MainSettingsService mainSettings;
  @Inject MapSettingsService mapSettings;

  /**
   * Seeds the demo company when there is no company. Outside any transaction (the caller's, the startup's, is
   * suspended): every step commits on its own, so the payment pipeline, whose steps are their own transactions,
   * sees the customers, devices and agents it books the demo payments on.
   */
  @ActivateRequestContext
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void seedIfEmpty() {
    if (!enabled) {
      return;
    }
    try (Connection c = config.openDirect(config.centralDatabase())) {
      try (PreparedStatement lock = c.prepareStatement("SELECT GET_LOCK('mpm_demo_seed', 120)")) {
        lock.executeQuery().close();
      }
      try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM companies");
          ResultSet rs = count.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      seed();
    } catch (SQLException e) {
      throw new IllegalStateException("Demo seeding failed", e);
    }
  }

  private void seed() {
    Company company = registration.register(new CompanyRegistration(
            "Demo Company", "Demo Street 1, Dar es Salaam", "+255000000000", OWNER, null,
            "Demo Company Admin", OWNER, PASSWORD, List.of(21L, 22L), "mini-grid&shs&e-bike"),
        "DemoCompany_1", "TZS");
    UserView financialManager = users.createWithRoles("Demo Company Financial Manager", FINANCIAL_MANAGER,
        PASSWORD, List.of(Role.FINANCIAL_MANAGER));
    users.createWithRoles("Demo Company Regular User", REGULAR_USER, PASSWORD, List.of(Role.USER));
    apiKeys.createWithToken(company.getId(), "Demo API key", API_KEY);
    saveSettings();
    DemoGeography.seed(users, geography);
    List<DemoDevices.Home> homes = DemoCustomers.seed(people, geography);
    long start = System.nanoTime();
    DemoAppliances.Catalogue catalogue = appliances.catalogue();
    devices.seed(homes, catalogue);
    List<Long> agentIds = agents.seed();
    LOG.info(() -> "Demo devices seeded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    transactions.seed(homes.size(), agentIds, List.of(ownerId(), financialManager.id()));
    appliances.sell(homes, ownerId(), catalogue);
    agentLedger.seed(agentIds, ownerId());
    tickets.seed(company.getId(), List.of(ownerId(), financialManager.id()));
    tickets.seedMessages();
    targets.seed(company.getId());
    LOG.info(() -> "Demo company seeded (company " + company.getId() + ", database DemoCompany_1)");
  }

  /** The demo's settings, saved as its owner would in the first-run dialog, which then does not open again. */
  private void saveSettings() {
    mainSettings.update(mainSettings.current().getId(), new MainSettingsChange(null, null, null, "Tanzania", null,
        null, null, null, null, null), ownerId());
    MapSettings map = mapSettings.all().get(0);
    mapSettings.save(map.getId(), map.getZoom(), map.getLatitude(), map.getLongitude(), "Open Street Map");
  }

  private long ownerId() {
    return users.page(1, 10).items().stream().filter(u -> OWNER.equals(u.email())).findFirst().orElseThrow().id();
  }
}

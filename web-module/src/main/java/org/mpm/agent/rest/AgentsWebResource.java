package org.mpm.agent.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.agent.AgentAccounts;
import org.mpm.agent.AgentAccounts.Changes;
import org.mpm.agent.AgentAccounts.NewAgent;
import org.mpm.agent.AgentAppliances;
import org.mpm.agent.AgentAppliances.Assigned;
import org.mpm.agent.AgentAppliances.Sold;
import org.mpm.agent.AgentLedger;
import org.mpm.agent.AgentLedger.Booked;
import org.mpm.agent.AgentViews;
import org.mpm.agent.AgentViews.AgentRow;
import org.mpm.agent.AgentViews.ReceiptRow;
import org.mpm.common.Page;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.transaction.TransactionService;
import org.mpm.transaction.TransactionService.AgentItem;
import org.mpm.transaction.rest.TransactionJson;

/**
 * The web console's agent pages (MPM's AgentWebController, AgentReceiptWebController, AgentChargeWebController,
 * AgentTransactionWebController, AgentBalanceHistoryWebController, AgentAssignedApplianceWebController and
 * AgentSoldApplianceWebController): agents, their receipts, charges, transactions, balance history and appliances.
 * Any logged-in user.
 */
@Path("agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Agents")
public class AgentsWebResource {

  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final Pattern COST = Pattern.compile("^\\d*(\\.\\d{1,2})?$");

  @Inject AgentViews views;
  @Inject AgentLedger ledger;
  @Inject AgentAccounts accounts;
  @Inject AgentAppliances appliances;
  @Inject TransactionService transactions;
  @Inject PersonViews people;
  @Inject CurrentUser current;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The agents, each with person (and addresses), mini_grid, commission, customer_count,"
      + " sales_count and is_active (balance history in the last 30 days): {data:[…]}, or a raw paginator with"
      + " ?per_page")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", views::agents, views::agents,
        l -> l.stream().map(AgentJson::agent).toList(), uri);
  }

  @POST
  @Operation(summary = "Create an agent {email, name, surname (at least 3 characters), password (at least 6),"
      + " city_id (the agent works in the city's mini-grid), agent_commission_id, phone?, nationality?} with its"
      + " person, primary address and login: 201 {data: agent}")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String email = b.email("email", true);
    String name = b.string("name", true, 3, JsonBody.MAX_STRING);
    String surname = b.string("surname", true, 3, JsonBody.MAX_STRING);
    String password = b.string("password", true, 6, JsonBody.MAX_STRING);
    Long city = b.integer("city_id", true, 1, JsonBody.MAX_INT);
    Long plan = b.integer("agent_commission_id", true, 1, JsonBody.MAX_INT);
    String phone = b.string("phone", false);
    String nationality = b.string("nationality", false);
    b.validate();
    return created(AgentAuthResource.agent(accounts.create(new NewAgent(name, surname, email, password, city, plan,
        phone, nationality))));
  }

  @PUT
  @Path("{agentId: [0-9]+}")
  @Operation(summary = "Change an agent {name?, surname? (at least 3 characters), gender?, birthday?, phone?,"
      + " commissionTypeId?, miniGridId?}: {data: agent with person, mini_grid and commission}")
  public Map<String, Object> update(@PathParam("agentId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 3, JsonBody.MAX_STRING);
    String surname = b.string("surname", false, 3, JsonBody.MAX_STRING);
    String gender = b.string("gender", false);
    LocalDate birthday = b.day("birthday", false);
    String phone = b.string("phone", false);
    Long plan = b.integer("commissionTypeId", false, 1, JsonBody.MAX_INT);
    Long grid = b.integer("miniGridId", false, 1, JsonBody.MAX_INT);
    b.validate();
    return Json.data(AgentJson.agent(accounts.update(id, new Changes(name, surname, gender, birthday, phone, plan,
        grid))));
  }

  @PUT
  @Path("{agentId: [0-9]+}/password")
  @Operation(summary = "Set an agent's password {password (at least 6 characters), password_confirmation}:"
      + " {data: {message}}")
  public Map<String, Object> password(@PathParam("agentId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String password = b.string("password", true, 6, JsonBody.MAX_STRING);
    String confirmation = b.string("password_confirmation", false);
    if (password != null && !password.equals(confirmation)) {
      b.error("password", "The password field confirmation does not match.");
    }
    b.validate();
    accounts.changePassword(id, password);
    return Json.data(Json.message("Password updated successfully"));
  }

  @DELETE
  @Path("{agentId: [0-9]+}")
  @Operation(summary = "Delete an agent and its login (its person and ledger stay): {data: {message, status_code}}")
  public Map<String, Object> delete(@PathParam("agentId") long id) {
    accounts.delete(id);
    return Json.data(Json.obj("message", "Agent deleted successfully", "status_code", 200));
  }

  @GET
  @Path("search")
  @Operation(summary = "Agents whose mini-grid name, name or e-mail contains ?term: raw paginator of 15 (with"
      + " ?paginate=0 {data:[…]}, at most 1000)")
  public Map<String, Object> search() {
    JsonBody q = JsonBody.query(uri);
    String term = q.string("term", false);
    boolean paginate = !"0".equals(q.string("paginate", false));
    Page<AgentRow> p = accounts.search(term, paginate ? q.page() : 1, paginate ? 15 : 1000);
    List<Map<String, Object>> rows = p.items().stream().map(AgentJson::agent).toList();
    return paginate ? Paginator.raw(p, rows, uri) : Json.data(rows);
  }

  @GET
  @Path("{agentId: [0-9]+}")
  @Operation(summary = "An agent with person (and addresses), mini_grid and commission: {data: agent}")
  public Map<String, Object> show(@PathParam("agentId") long id) {
    return Json.data(AgentJson.agent(views.agent(id)));
  }

  @GET
  @Path("receipt")
  @Operation(summary = "All agents' receipts, newest first, each with user, agent, history and detail: raw"
      + " paginator, ?per_page (15)")
  public Map<String, Object> receipts() {
    return receiptPage(null);
  }

  @GET
  @Path("receipt/{agentId: [0-9]+}")
  @Operation(summary = "One agent's receipts, newest first (as the list)")
  public Map<String, Object> receiptsOf(@PathParam("agentId") long agentId) {
    return receiptPage(agentId);
  }

  private Map<String, Object> receiptPage(Long agentId) {
    JsonBody q = JsonBody.query(uri);
    Page<ReceiptRow> p = views.receipts(agentId, q.page(), q.size("per_page", 15));
    return Paginator.raw(p, p.items().stream().map(AgentJson::receipt).toList(), uri);
  }

  @POST
  @Path("receipt")
  @Operation(summary = "Cash an agent hands in {agent_id, amount (at least 0.01, at most what the agent holds)}:"
      + " raises the agent's balance with an agent_receipt balance-history row and the receipt's details;"
      + " 201 {data: receipt}")
  public Response receipt(String body) {
    JsonBody b = JsonBody.parse(body);
    Long agentId = b.integer("agent_id", true, 1, JsonBody.MAX_INT);
    BigDecimal amount = b.number("amount", true, CENT, JsonBody.MAX_NUMBER);
    b.validate();
    Booked r = ledger.receipt(agentId, current.principal().id(), amount);
    return created(Json.obj("user_id", r.userId(), "agent_id", r.agentId(), "amount", r.amount(),
        "last_controlled_balance_history_id", r.lastControlledBalanceHistoryId(), "updated_at", Json.ts(r.at()),
        "created_at", Json.ts(r.at()), "id", r.id()));
  }

  @POST
  @Path("charge")
  @Operation(summary = "Credit given to an agent {agent_id, amount}: raises (a negative amount lowers) the agent's"
      + " balance with an agent_charge balance-history row; 201 {data: charge}")
  public Response charge(String body) {
    JsonBody b = JsonBody.parse(body);
    Long agentId = b.integer("agent_id", true, 1, JsonBody.MAX_INT);
    BigDecimal amount = b.number("amount", true, JsonBody.MIN_NUMBER, JsonBody.MAX_NUMBER);
    b.validate();
    Booked r = ledger.charge(agentId, current.principal().id(), amount);
    return created(Json.obj("agent_id", r.agentId(), "amount", r.amount(), "user_id", r.userId(),
        "updated_at", Json.ts(r.at()), "created_at", Json.ts(r.at()), "id", r.id()));
  }

  @GET
  @Path("transactions/{agentId: [0-9]+}")
  @Operation(summary = "The agent's transactions, newest first, each with original_transaction and device (with"
      + " its row and owner): raw paginator, ?per_page (15)")
  public Map<String, Object> transactions(@PathParam("agentId") long agentId) {
    JsonBody q = JsonBody.query(uri);
    Page<AgentItem> p = transactions.ofAgent(agentId, null, q.page(), q.size("per_page", 15));
    List<Long> ownerIds = p.items().stream().filter(i -> i.device() != null)
        .map(i -> i.device().device().getPersonId()).distinct().toList();
    Map<Long, PersonView> owners = ownerIds.isEmpty() ? Map.of() : people.viewsById(ownerIds);
    return Paginator.raw(p, p.items().stream().map(i -> TransactionJson.agentItem(i,
        i.device() == null ? null : owners.get(i.device().device().getPersonId()))).toList(), uri);
  }

  @GET
  @Path("balance/history/{agentId: [0-9]+}")
  @Operation(summary = "The agent's balance history, newest first; ?type=balance (sales, appliances, charges,"
      + " receipts) or commission: {data:[…]}, or a raw paginator with ?per_page")
  public Map<String, Object> history(@PathParam("agentId") long agentId) {
    JsonBody q = JsonBody.query(uri);
    String type = q.string("type", false);
    return Paginator.allOrPage(q, "per_page", () -> views.history(agentId, type),
        (page, size) -> views.history(agentId, type, page, size),
        l -> l.stream().map(AgentJson::history).toList(), uri);
  }

  @POST
  @Path("assigned")
  @Operation(summary = "Assign an appliance to an agent to sell at a cost {agent_id, user_id, appliance_id, cost"
      + " (up to 2 decimals)}: 201 {data: assigned appliance}")
  public Response assign(String body) {
    JsonBody b = JsonBody.parse(body);
    Long agentId = b.integer("agent_id", true, 1, JsonBody.MAX_INT);
    Long userId = b.integer("user_id", true, 1, JsonBody.MAX_INT);
    Long applianceId = b.integer("appliance_id", true, 1, JsonBody.MAX_INT);
    String cost = b.matching("cost", true, COST);
    b.validate();
    Assigned a = appliances.assign(agentId, userId, applianceId, new BigDecimal(cost));
    return created(Json.obj("agent_id", a.agentId(), "user_id", a.userId(), "appliance_id", a.applianceId(),
        "cost", a.cost().toPlainString(), "updated_at", Json.ts(a.updatedAt()), "created_at", Json.ts(a.createdAt()),
        "id", a.id()));
  }

  @GET
  @Path("assigned/{agentId: [0-9]+}")
  @Operation(summary = "The appliances assigned to an agent, newest first, each with user and appliance (with its"
      + " appliance_type): {data:[…]}, or a raw paginator with ?per_page")
  public Map<String, Object> assigned(@PathParam("agentId") long agentId) {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", () -> appliances.assigned(agentId),
        (page, size) -> appliances.assigned(agentId, page, size),
        l -> l.stream().map(AgentJson::assigned).toList(), uri);
  }

  @GET
  @Path("sold/{agentId: [0-9]+}")
  @Operation(summary = "The appliance sales the agent recorded, newest first, each with appliance and person: raw"
      + " paginator, ?per_page (15)")
  public Map<String, Object> sold(@PathParam("agentId") long agentId) {
    JsonBody q = JsonBody.query(uri);
    Page<Sold> p = appliances.sold(agentId, q.page(), q.size("per_page", 15));
    return Paginator.raw(p, p.items().stream().map(AgentJson::sold).toList(), uri);
  }

  private static Response created(Map<String, Object> row) {
    return Response.status(Response.Status.CREATED).entity(Json.data(row)).type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}

package org.mpm.ticket.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.ticket.TicketPayoutReports;
import org.mpm.ticket.TicketQueries;
import org.mpm.ticket.TicketQueries.Filter;
import org.mpm.ticket.TicketService;
import org.mpm.ticket.TicketService.NewTicket;
import org.mpm.ticket.TicketView;

/**
 * The service desk (MPM's Ticket*Controller): tickets, categories (labels), comments, ticketing users and the
 * payout reports of outsourced tickets. Permission {@code tickets} where MPM asks for it, {@code reports} for the
 * reports; the other routes any user.
 */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Tickets")
public class TicketsResource {

  /** The longest ticket description or comment taken. */
  static final int MAX_TEXT = 10_000;
  static final List<String> COLORS = List.of("yellow", "purple", "blue", "red", "green", "orange", "black", "sky",
      "pink", "lime", "nocolor");

  @Inject TicketQueries queries;
  @Inject TicketService tickets;
  @Inject TicketPayoutReports reports;
  @Inject CurrentUser current;
  @Context UriInfo uri;

  @GET
  @Path("ticket")
  @RequiresPermission("tickets")
  @Operation(summary = "Tickets, newest first, as a paginator of ?limit (5); filters ?status (0 opened, 1 closed),"
      + " ?person (assigned ticket user), ?category, ?agent (creator), ?customer (owner)")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    Long status = q.integer("status", false, 0, 2);
    Long assigned = q.integer("person", false, 0, JsonBody.MAX_INT);
    Long category = q.integer("category", false, 0, JsonBody.MAX_INT);
    Long agent = q.integer("agent", false, 0, JsonBody.MAX_INT);
    Long customer = q.integer("customer", false, 0, JsonBody.MAX_INT);
    int limit = q.size("limit", 5);
    q.validate();
    return page(new Filter(status == null ? null : status.intValue(), nonZero(agent), nonZero(customer),
        nonZero(assigned), nonZero(category)), q.page(), limit);
  }

  @GET
  @Path("ticket/{id}")
  @RequiresPermission("tickets")
  @Operation(summary = "A ticket with its category and owner")
  public Map<String, Object> show(@PathParam("id") long id) {
    return Json.data(TicketJson.detail(queries.view(id)));
  }

  @POST
  @Path("ticket")
  @RequiresPermission("tickets")
  @Operation(summary = "Open a ticket for a customer: {title, description, label (category id), owner_id (person"
      + " id), assignedPerson? (ticket user id), dueDate?, outsourcing? (payout of an outsourced category)}; 201")
  public Response open(String body) {
    JsonBody b = JsonBody.parse(body);
    String title = b.string("title", true, 0, 191);
    String description = b.string("description", true, 0, MAX_TEXT);
    Long label = b.integer("label", true, 1, JsonBody.MAX_INT);
    Long assigned = b.integer("assignedPerson", false, 1, JsonBody.MAX_INT);
    var due = b.dateTime("dueDate", false);
    Long owner = b.integer("owner_id", true, 1, JsonBody.MAX_INT);
    Long outsourcing = b.integer("outsourcing", false, 0, JsonBody.MAX_INT);
    b.validate();
    var opened = tickets.open(current.principal().id(),
        new NewTicket(title, description, label, assigned, due, owner, outsourcing));
    return Response.status(201).entity(Json.data(TicketJson.opened(opened))).build();
  }

  @DELETE
  @Path("ticket/{ticketId}")
  @RequiresPermission("tickets")
  @Operation(summary = "Close a ticket (status 1); the ticket with its category and owner")
  public Map<String, Object> close(@PathParam("ticketId") long id) {
    return Json.data(TicketJson.detail(tickets.close(id)));
  }

  @GET
  @Path("user/{id}")
  @Operation(summary = "Tickets of a customer (owner), newest first, 5 a page")
  public Map<String, Object> ofCustomer(@PathParam("id") long personId) {
    return page(new Filter(null, null, personId, null, null), JsonBody.query(uri).page(), 5);
  }

  @GET
  @Path("agents/{agentId}")
  @Operation(summary = "Tickets an agent opened, newest first, 5 a page")
  public Map<String, Object> ofAgent(@PathParam("agentId") long agentId) {
    return page(new Filter(null, agentId, null, null, null), JsonBody.query(uri).page(), 5);
  }

  private Map<String, Object> page(Filter f, int page, int size) {
    Page<TicketView> p = queries.page(f, page, size);
    return Paginator.raw(p, p.items().stream().map(TicketJson::listed).toList(), uri);
  }

  private static Long nonZero(Long v) {
    return v == null || v == 0 ? null : v;
  }

  @POST
  @Path("comments")
  @RequiresPermission("tickets")
  @Operation(summary = "Comment on a ticket: {cardId (ticket id), comment}; an empty 200")
  public Response comment(String body) {
    JsonBody b = JsonBody.parse(body);
    Long ticketId = b.integer("cardId", true, 1, JsonBody.MAX_INT);
    String comment = b.string("comment", true, 0, MAX_TEXT);
    b.validate();
    tickets.comment(current.principal().id(), ticketId, comment);
    return Response.ok().build();
  }

  @GET
  @Path("labels")
  @RequiresPermission("tickets")
  @Operation(summary = "Ticket categories: {data:[…]}, a paginator with ?per_page; ?outsource=1 only outsourced ones")
  public Map<String, Object> labels() {
    JsonBody q = JsonBody.query(uri);
    boolean outsourced = Boolean.TRUE.equals(q.bool("outsource", false));
    q.validate();
    return Paginator.allOrPage(q, "per_page", () -> queries.categories(outsourced),
        (page, size) -> queries.categoriesPage(outsourced, page, size),
        l -> l.stream().map(TicketJson::category).toList(), uri);
  }

  @POST
  @Path("labels")
  @RequiresPermission("tickets")
  @Operation(summary = "A new ticket category: {labelName, labelColor? (yellow, purple, blue, red, green, orange,"
      + " black, sky, pink, lime, nocolor), outSourcing?}; 201")
  public Response createLabel(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("labelName", true, 0, 191);
    String color = b.in("labelColor", false, COLORS);
    Boolean outsourced = b.bool("outSourcing", false);
    b.validate();
    var c = tickets.createCategory(name, color == null ? "nocolor" : color, Boolean.TRUE.equals(outsourced));
    return Response.status(201).entity(Json.data(TicketJson.createdCategory(c))).build();
  }

  @GET
  @Path("users")
  @Operation(summary = "The company's users with their ticketing account (relation_ticket_user): {data:[…]}, a"
      + " paginator with ?per_page; ?outsource=1 only those whose account is outsourced")
  public Map<String, Object> users() {
    JsonBody q = JsonBody.query(uri);
    boolean outsourced = Boolean.TRUE.equals(q.bool("outsource", false));
    q.validate();
    return Paginator.allOrPage(q, "per_page", () -> queries.users(outsourced),
        (page, size) -> queries.usersPage(outsourced, page, size),
        l -> l.stream().map(TicketJson::userWithTicketUser).toList(), uri);
  }

  @POST
  @Path("users/external")
  @Operation(summary = "An outside person tickets can be assigned to: {username, phone}; an empty 200")
  public Response createExternal(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("username", true, 0, 191);
    String phone = b.string("phone", true, 0, 191);
    b.validate();
    tickets.createExternal(name, phone);
    return Response.ok().build();
  }

  @GET
  @Path("reports")
  @RequiresPermission("reports")
  @Operation(summary = "Payout reports of outsourced tickets: {data:[…]}, a paginator with ?per_page")
  public Map<String, Object> reports() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", reports::all, reports::page,
        l -> l.stream().map(TicketJson::report).toList(), uri);
  }

  @GET
  @Path("reports/download/{id}")
  @RequiresPermission("reports")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A payout report's Excel file, as an attachment")
  public Response download(@PathParam("id") long id) {
    var file = reports.file(id);
    return Response.ok(file.toFile(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
  }
}

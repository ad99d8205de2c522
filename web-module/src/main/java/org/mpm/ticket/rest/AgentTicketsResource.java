package org.mpm.ticket.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.agent.AgentAuthService;
import org.mpm.agent.rest.AgentAuthResource;
import org.mpm.common.Page;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.CurrentAgent;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.ticket.Ticket;
import org.mpm.ticket.TicketQueries;
import org.mpm.ticket.TicketQueries.Filter;
import org.mpm.ticket.TicketService;
import org.mpm.ticket.TicketService.NewTicket;
import org.mpm.ticket.TicketView;

/**
 * The agent app's tickets (MPM's AgentTicketController and AgentCustomerTicketController): the tickets the agent
 * opened, all of them or of one customer (15 a page), a ticket, and opening one for a customer.
 */
@Path("app/agents/ticket")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@AgentAuth
@Tag(name = "Agent app")
public class AgentTicketsResource {

  @Inject TicketQueries queries;
  @Inject TicketService tickets;
  @Inject AgentAuthService agents;
  @Inject CurrentAgent current;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The tickets the agent opened, 15 a page, with category, owner, assignee and comments")
  public Map<String, Object> list() {
    return page(new Filter(null, current.agent().id(), null, null, null));
  }

  @GET
  @Path("customer/{customerId}")
  @Operation(summary = "The tickets the agent opened for a customer, 15 a page")
  public Map<String, Object> ofCustomer(@PathParam("customerId") long customerId) {
    return page(new Filter(null, current.agent().id(), customerId, null, null));
  }

  @GET
  @Path("{ticketId}")
  @Operation(summary = "A ticket of the company with its category and owner")
  public Map<String, Object> show(@PathParam("ticketId") long id) {
    return Json.data(TicketJson.detail(queries.view(id)));
  }

  @POST
  @Operation(summary = "Open a ticket for a customer: {owner_id, title, description, label (category id),"
      + " due_date?, assignedId? (ticket user id)}; {data: [the ticket with creator, owner and comments]}")
  public Map<String, Object> open(String body) {
    JsonBody b = JsonBody.parse(body);
    Long owner = b.integer("owner_id", true, 1, JsonBody.MAX_INT);
    String title = b.string("title", true, 0, 191);
    String description = b.string("description", true, 0, TicketsResource.MAX_TEXT);
    Long label = b.integer("label", true, 1, JsonBody.MAX_INT);
    var due = b.dateTime("due_date", false);
    Long assigned = b.integer("assignedId", false, 1, JsonBody.MAX_INT);
    b.validate();
    long agentId = current.agent().id();
    Ticket t = tickets.openByAgent(agentId, new NewTicket(title, description, label, assigned, due, owner, null))
        .ticket();
    TicketView v = queries.view(t.getId());
    Map<String, Object> m = Json.obj("title", t.getTitle(), "content", t.getContent(),
        "due_date", Json.ts(t.getDueDate()), "status", t.getStatus(), "category_id", t.getCategoryId(),
        "assigned_id", t.getAssignedId(), "creator_type", t.getCreatorType(), "creator_id", t.getCreatorId(),
        "owner_type", t.getOwnerType(), "owner_id", t.getOwnerId(), "updated_at", Json.ts(t.getUpdatedAt()),
        "created_at", Json.ts(t.getCreatedAt()), "id", t.getId(),
        "creator", AgentAuthResource.agent(agents.agent(agentId)), "owner", TicketJson.person(v.owner()),
        "comments", List.of());
    return Json.data(List.of(m));
  }

  private Map<String, Object> page(Filter f) {
    Page<TicketView> p = queries.page(f, JsonBody.query(uri).page(), 15);
    return Paginator.raw(p, p.items().stream().map(TicketJson::listed).toList(), uri);
  }
}

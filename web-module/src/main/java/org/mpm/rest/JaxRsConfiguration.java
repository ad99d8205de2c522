package org.mpm.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API lives under {@code /api}, as MPM's. Its OpenAPI document is served at {@code /openapi} and shown at
 * {@code /docs/api}. The areas of the API (the document's tags) are defined here, once each with a description;
 * a resource class names its area with {@code @Tag(name = …)} alone, and {@link OpenApiFilter} keeps one entry per
 * name in the served document.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "MicroPowerManager API", version = "1",
    description = "Wire-compatible with MicroPowerManager's Laravel backend. Log in with POST /api/auth/login and"
        + " give the access_token to Authorize."),
    // Relative: "Try it out" calls the server that served the page, whatever name it was reached by.
    servers = @Server(url = "/", description = "This server"),
    security = @SecurityRequirement(name = "jwt"),
    tags = {
        @Tag(name = "Auth", description = "Log in, refresh and log out with a user's JWT; the logged-in user"),
        @Tag(name = "API keys", description = "A company's API keys, for clients that call the API without a user"),
        @Tag(name = "Companies", description = "Register a company with its owner; a login's company; usage types"),
        @Tag(name = "Users", description = "The company's users with their addresses, roles and permissions;"
            + " password reset by e-mail"),
        @Tag(name = "Plugins", description = "MPM's plugin catalogue, the company's plugins and its onboarding"
            + " steps"),
        @Tag(name = "Geography", description = "Countries, clusters, mini-grids and cities (villages), with their"
            + " revenue"),
        @Tag(name = "Customers", description = "People (customers), their addresses, documents and maintenance"
            + " users"),
        @Tag(name = "Devices", description = "Devices of any kind (meters, solar home systems, e-bikes): owner,"
            + " ad-hoc tokens, OpenPAYGO"),
        @Tag(name = "Meters", description = "Meters and meter types"),
        @Tag(name = "Manufacturers", description = "Manufacturers of meters, solar home systems and e-bikes"),
        @Tag(name = "Tariffs", description = "Tariffs with their access rates, components and times of usage;"
            + " moving meters between tariffs"),
        @Tag(name = "Connection types", description = "Connection types, sub connection types and connection"
            + " groups"),
        @Tag(name = "Transactions", description = "Payments of any channel: list, search, detail, status and"
            + " analytics; payment providers"),
        @Tag(name = "Payments", description = "Payment histories: a customer's payments per month or period, debts;"
            + " the company's payments per day"),
        @Tag(name = "Appliances", description = "The appliance catalogue and its types; appliances sold to customers"
            + " on installment or as an energy service, their rates, change logs and payments"),
        @Tag(name = "Agent app", description = "MPM's agent app: an agent's login and password reset, the payments it"
            + " takes and its balance, the customers of its mini-grid with their documents and meters, its appliance"
            + " sales, tickets and dashboard"),
        @Tag(name = "Agents", description = "The web console's agent pages: agents, their commission plans,"
            + " receipts and charges on the agent's ledger, transactions, balance history and appliances"),
        @Tag(name = "Customer registration app", description = "MPM's customer-registration app: the lists its form"
            + " offers and the registration of a customer with its meter"),
        @Tag(name = "SMS", description = "Messages to customers, the texts of the automatic ones and the SMS settings"
            + " (resend keyword, installment reminders, Android gateway phones); conversations, bulk messages and the"
            + " Android gateway's callbacks"),
        @Tag(name = "Tickets", description = "The service desk: tickets of customers, their categories, comments,"
            + " the people they are assigned to and the payout reports of outsourced work"),
        @Tag(name = "Dashboards", description = "Cluster, mini-grid and agent dashboards, revenue against targets,"
            + " revenue trends, targets and the weekly and monthly village reports"),
        @Tag(name = "Settings", description = "The company's main settings and map defaults, the SMS gateways it may"
            + " choose, MPM's currency list, the check of a Bing Maps key"),
        @Tag(name = "Export", description = "Transactions, customers and devices as Excel, CSV or JSON files,"
            + " streamed as they are read"),
        @Tag(name = "Import", description = "Customers, devices and transactions from MPM's JSON exports; large"
            + " imports run in the background as a job whose status is polled")})
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class JaxRsConfiguration extends Application {}

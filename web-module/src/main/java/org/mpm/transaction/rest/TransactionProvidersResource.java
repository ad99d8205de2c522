package org.mpm.transaction.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.Json;
import org.mpm.transaction.TransactionService;

/** MPM's TransactionProviderController: the provider types in use (any logged-in user). */
@Path("transaction-providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transactions")
public class TransactionProvidersResource {

  @Inject TransactionService transactions;

  @GET
  @Operation(summary = "The distinct original_transaction_type values of the transactions: {data:[…]}")
  public Map<String, Object> list() {
    return Json.data(transactions.providers());
  }
}

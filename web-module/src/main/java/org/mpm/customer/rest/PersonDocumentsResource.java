package org.mpm.customer.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.customer.PersonDocument;
import org.mpm.customer.PersonDocumentService;
import org.mpm.rest.Json;
import org.mpm.rest.RequiresPermission;

/** A stored person document (MPM's PersonDocumentController show/destroy), permission {@code customers}. */
@Path("person-documents/{documentId: [0-9]+}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("customers")
@Tag(name = "Customers")
public class PersonDocumentsResource {

  @Inject PersonDocumentService documents;

  @GET
  @Path("download")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The document's file, as an attachment under its original name")
  public Response download(@PathParam("documentId") long id) {
    PersonDocument d = documents.find(id);
    return attachment(d, documents.file(d).toFile());
  }

  /** The document's file as an attachment under its original name. */
  public static Response attachment(PersonDocument d, File file) {
    String name = d.getOriginalName() == null ? d.getName() : d.getOriginalName();
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    return Response.ok(file, d.getMimeType() == null ? "application/octet-stream" : d.getMimeType())
        .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
        .build();
  }

  @DELETE
  @Operation(summary = "Delete the document and its file: {data: {message: deleted}}")
  public Map<String, Object> delete(@PathParam("documentId") long id) {
    documents.delete(id);
    return Json.data(Json.message("deleted"));
  }
}

package org.mpm.geography.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.geography.Cluster;
import org.mpm.geography.GeographyService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/** Clusters of mini-grids (MPM's ClusterController; the revenue views come with the transactions). */
@Path("clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Geography")
public class ClustersResource {

  @Inject GeographyService geography;

  @GET
  @Operation(summary = "List clusters with their mini_grids: {data:[{id, name, manager_id, geo_json, …, mini_grids}]}")
  public Map<String, Object> list() {
    return Json.data(geography.clusterViews().stream().map(GeographyJson::cluster).toList());
  }

  @GET
  @Path("{clusterId: [0-9]+}")
  @Operation(summary = "A cluster with its mini_grids")
  public Map<String, Object> show(@PathParam("clusterId") long id) {
    Cluster c = geography.cluster(id);
    Map<String, Object> m = GeographyJson.cluster(c);
    m.put("mini_grids", geography.miniGridViews(geography.miniGridsOf(id)).stream()
        .map(GeographyJson::miniGrid).toList());
    return Json.data(m);
  }

  @GET
  @Path("{clusterId: [0-9]+}/geo")
  @Operation(summary = "The cluster's area: {data:{geo_json}}")
  public Map<String, Object> geo(@PathParam("clusterId") long id) {
    return Json.data(Json.obj("geo_json", Json.parsed(geography.cluster(id).getGeoJson())));
  }

  @POST
  @RequiresPermission("settings")
  @Operation(summary = "Create a cluster; body {name, manager_id (a user), geo_json (GeoJSON area)}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 1, 191);
    Long managerId = b.integer("manager_id", true);
    String geo = GeoJson.area(b, "geo_json", true);
    b.validate();
    return Response.status(201)
        .entity(Json.data(GeographyJson.cluster(geography.createCluster(name, managerId, geo)))).build();
  }

  @PUT
  @Path("{clusterId: [0-9]+}")
  @RequiresPermission("settings")
  @Operation(summary = "Update a cluster; body {name?, manager_id?, geo_json?}")
  public Map<String, Object> update(@PathParam("clusterId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 1, 191);
    Long managerId = b.integer("manager_id", false);
    String geo = GeoJson.area(b, "geo_json", false);
    b.validate();
    return Json.data(GeographyJson.cluster(geography.updateCluster(id, name, managerId, geo)));
  }

  @DELETE
  @Path("{clusterId: [0-9]+}")
  @RequiresPermission("settings")
  @Operation(summary = "Soft-delete a cluster without mini-grids: {message: \"Cluster deleted.\"}; 422 otherwise")
  public Map<String, Object> delete(@PathParam("clusterId") long id) {
    geography.deleteCluster(id);
    return Json.message("Cluster deleted.");
  }
}

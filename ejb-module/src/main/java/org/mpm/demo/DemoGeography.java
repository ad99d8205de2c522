package org.mpm.demo;

import java.util.List;
import org.mpm.geography.Cluster;
import org.mpm.geography.GeographyService;
import org.mpm.geography.MiniGrid;
import org.mpm.user.Role;
import org.mpm.user.UserService;
import org.mpm.user.UserView;

/**
 * MPM's demo geography in Tanzania: the cluster admin, the clusters Mafia Island and Pemba Island (polygons as
 * GeoJSON, [longitude, latitude]), their mini-grids and one village per mini-grid at the mini-grid's point.
 */
final class DemoGeography {

  static final String CLUSTER_ADMIN = "demo_company_cluster_admin@example.com";

  private record Grid(String cluster, String name, String village, double lat, double lng) {}

  private static final String MAFIA = "[[39.961513,-7.630225],[39.631923,-7.652002],[39.549526,-7.910525],"
      + "[39.631923,-8.125383],[39.934047,-8.092754],[39.988979,-7.869716],[39.961513,-7.630225]]";
  private static final String PEMBA = "[[39.770765,-4.800463],[39.520826,-4.937297],[39.545546,-5.421455],"
      + "[39.647169,-5.582757],[39.905348,-5.448798],[39.95204,-5.194467],[39.899855,-4.86341],"
      + "[39.770765,-4.800463]]";

  private static final List<Grid> GRIDS = List.of(
      new Grid("Cluster Mafia Island", "Mafia", "Mafia Village", -7.873645, 39.754433),
      new Grid("Cluster Mafia Island", "Jibondo Island", "Jibondo Island Village", -8.0573, 39.7253123),
      new Grid("Cluster Pemba Island", "Konde", "Konde Village", -4.942415, 39.745391),
      new Grid("Cluster Pemba Island", "Wette", "Wette Village", -5.056707, 39.728021),
      new Grid("Cluster Pemba Island", "Tumbe", "Tumbe Village", -4.950556, 39.786280));

  private DemoGeography() {}

  static void seed(UserService users, GeographyService geography) {
    UserView admin = users.createWithRoles("Cluster Admin", CLUSTER_ADMIN, DemoSeeder.PASSWORD, List.of(Role.ADMIN));
    Cluster mafia = geography.createCluster("Cluster Mafia Island", admin.id(), area("Cluster Mafia Island", MAFIA));
    Cluster pemba = geography.createCluster("Cluster Pemba Island", admin.id(), area("Cluster Pemba Island", PEMBA));
    long tanzania = geography.country("TZ").getId();
    for (Grid g : GRIDS) {
      long clusterId = g.cluster().equals(mafia.getName()) ? mafia.getId() : pemba.getId();
      MiniGrid grid = geography.createMiniGrid(g.name(), clusterId, point(g.lat(), g.lng()));
      geography.createCity(g.village(), grid.getId(), tanzania, point(g.lat(), g.lng()));
    }
  }

  /** The [latitude, longitude] of a demo village. */
  static double[] pointOf(String village) {
    return GRIDS.stream().filter(g -> g.village().equals(village)).findFirst()
        .map(g -> new double[] {g.lat(), g.lng()}).orElseThrow();
  }

  static String point(double lat, double lng) {
    return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lng + "," + lat
        + "]},\"properties\":{}}";
  }

  private static String area(String name, String ring) {
    return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name
        + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
  }
}

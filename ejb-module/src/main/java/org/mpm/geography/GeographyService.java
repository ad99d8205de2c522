package org.mpm.geography;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpm.common.ByIds;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.user.User;

/**
 * The company's geography: countries, the cluster → mini-grid → village hierarchy and their locations. Clusters,
 * mini-grids and villages are soft-deleted, and only when nothing hangs below them.
 */
@Stateless
public class GeographyService {

  static final String CLUSTER_MODEL = "App\\Models\\Cluster";
  static final String MINI_GRID_MODEL = "App\\Models\\MiniGrid";
  static final String CITY_MODEL = "App\\Models\\City";
  static final String COUNTRY_MODEL = "App\\Models\\Country";

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  // ---- countries

  public List<Country> countries() {
    return em().createQuery("SELECT c FROM Country c ORDER BY c.id", Country.class).getResultList();
  }

  /** A country by its code (MPM binds the route on {@code country_code}). */
  public Country country(String code) {
    return em().createQuery("SELECT c FROM Country c WHERE c.countryCode = :c ORDER BY c.id", Country.class)
        .setParameter("c", code).setMaxResults(1).getResultList().stream().findFirst()
        .orElseThrow(() -> NotFoundException.model(COUNTRY_MODEL, code));
  }

  public Country createCountry(String name, String code) {
    Country c = new Country(code, name);
    em().persist(c);
    em().flush();
    return c;
  }

  // ---- clusters

  public List<Cluster> clusters() {
    return em().createQuery("SELECT c FROM Cluster c ORDER BY c.id", Cluster.class).getResultList();
  }

  public Cluster cluster(long id) {
    return Optional.ofNullable(em().find(Cluster.class, id))
        .orElseThrow(() -> NotFoundException.model(CLUSTER_MODEL, id));
  }

  public Cluster createCluster(String name, long managerId, String geoJson) {
    requireUser(managerId);
    Cluster c = new Cluster(name, managerId, geoJson);
    em().persist(c);
    em().flush();
    return c;
  }

  public Cluster updateCluster(long id, String name, Long managerId, String geoJson) {
    Cluster c = cluster(id);
    if (name != null) {
      c.setName(name);
    }
    if (managerId != null) {
      requireUser(managerId);
      c.setManagerId(managerId);
    }
    if (geoJson != null) {
      c.setGeoJson(geoJson);
    }
    em().flush();
    return c;
  }

  public void deleteCluster(long id) {
    Cluster c = cluster(id);
    if (!miniGridsOf(id).isEmpty()) {
      throw ValidationException.message(
          "Cluster cannot be deleted while it still has mini-grids. Delete the mini-grids first.");
    }
    c.softDelete();
    em().flush();
  }

  public List<MiniGrid> miniGridsOf(long clusterId) {
    return em().createQuery("SELECT m FROM MiniGrid m WHERE m.clusterId = :c ORDER BY m.id", MiniGrid.class)
        .setParameter("c", clusterId).getResultList();
  }

  // ---- mini-grids

  public Page<MiniGrid> miniGrids(int page, int perPage) {
    long total = em().createQuery("SELECT COUNT(m) FROM MiniGrid m", Long.class).getSingleResult();
    List<MiniGrid> items = em().createQuery("SELECT m FROM MiniGrid m ORDER BY m.id", MiniGrid.class)
        .setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    return new Page<>(items, page, perPage, total);
  }

  public List<MiniGrid> allMiniGrids() {
    return em().createQuery("SELECT m FROM MiniGrid m ORDER BY m.id", MiniGrid.class).getResultList();
  }

  public MiniGrid miniGrid(long id) {
    return Optional.ofNullable(em().find(MiniGrid.class, id))
        .orElseThrow(() -> NotFoundException.model(MINI_GRID_MODEL, id));
  }

  public MiniGrid createMiniGrid(String name, long clusterId, String locationGeoJson) {
    requireCluster(clusterId);
    MiniGrid m = new MiniGrid(clusterId, name);
    em().persist(m);
    em().flush();
    if (locationGeoJson != null) {
      em().persist(new GeographicalInformation(GeographicalInformation.MINI_GRID, m.getId(), locationGeoJson));
      em().flush();
    }
    return m;
  }

  public MiniGrid updateMiniGrid(long id, String name, Long clusterId, String locationGeoJson) {
    MiniGrid m = miniGrid(id);
    if (name != null) {
      m.setName(name);
    }
    if (clusterId != null) {
      requireCluster(clusterId);
      m.setClusterId(clusterId);
    }
    if (locationGeoJson != null) {
      setLocation(GeographicalInformation.MINI_GRID, id, locationGeoJson);
    }
    em().flush();
    return m;
  }

  public void deleteMiniGrid(long id) {
    MiniGrid m = miniGrid(id);
    if (!citiesOf(id).isEmpty()) {
      throw ValidationException.message(
          "Mini-grid cannot be deleted while it still has villages. Delete the villages first.");
    }
    m.softDelete();
    em().flush();
  }

  public List<City> citiesOf(long miniGridId) {
    return em().createQuery("SELECT c FROM City c WHERE c.miniGridId = :m ORDER BY c.id", City.class)
        .setParameter("m", miniGridId).getResultList();
  }

  // ---- cities (villages)

  public List<City> cities(Integer limit) {
    var q = em().createQuery("SELECT c FROM City c ORDER BY c.id", City.class);
    if (limit != null && limit > 0) {
      q.setMaxResults(limit);
    }
    return q.getResultList();
  }

  public City city(long id) {
    return Optional.ofNullable(em().find(City.class, id))
        .orElseThrow(() -> NotFoundException.model(CITY_MODEL, id));
  }

  public City createCity(String name, long miniGridId, long countryId, String locationGeoJson) {
    requireMiniGrid(miniGridId);
    requireCountry(countryId);
    City c = new City(name, countryId, miniGridId);
    em().persist(c);
    em().flush();
    if (locationGeoJson != null) {
      em().persist(new GeographicalInformation(GeographicalInformation.CITY, c.getId(), locationGeoJson));
      em().flush();
    }
    return c;
  }

  public City updateCity(long id, String name, Long miniGridId, Long countryId, String locationGeoJson) {
    City c = city(id);
    if (name != null) {
      c.setName(name);
    }
    if (miniGridId != null) {
      requireMiniGrid(miniGridId);
      c.setMiniGridId(miniGridId);
    }
    if (countryId != null) {
      requireCountry(countryId);
      c.setCountryId(countryId);
    }
    if (locationGeoJson != null) {
      setLocation(GeographicalInformation.CITY, id, locationGeoJson);
    }
    em().flush();
    return c;
  }

  public void deleteCity(long id) {
    City c = city(id);
    Number residents = (Number) em().createNativeQuery("SELECT COUNT(*) FROM addresses a JOIN people p"
            + " ON p.id = a.owner_id AND p.deleted_at IS NULL WHERE a.owner_type = 'person' AND a.city_id = ?1")
        .setParameter(1, id).getSingleResult();
    if (residents.longValue() > 0) {
      throw ValidationException.message(
          "Village cannot be deleted while customers live in it. Move or delete the customers first.");
    }
    c.softDelete();
    em().flush();
  }

  // ---- views with their relations, loaded in batches

  /** A village with its location, mini-grid (and that one's cluster) and country. */
  public record CityView(City city, GeographicalInformation location, MiniGrid miniGrid, Cluster cluster,
      Country country) {}

  /** A cluster with its mini-grids. */
  public record ClusterView(Cluster cluster, List<MiniGrid> miniGrids) {}

  /** A mini-grid with its location. */
  public record MiniGridView(MiniGrid miniGrid, GeographicalInformation location) {}

  public Page<City> citiesPage(int page, int perPage) {
    long total = em().createQuery("SELECT COUNT(c) FROM City c", Long.class).getSingleResult();
    List<City> items = em().createQuery("SELECT c FROM City c ORDER BY c.id", City.class)
        .setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    return new Page<>(items, page, perPage, total);
  }

  public List<CityView> cityViews(List<City> cities) {
    Map<Long, GeographicalInformation> locations = locations(GeographicalInformation.CITY,
        cities.stream().map(City::getId).toList());
    Map<Long, MiniGrid> miniGrids = ByIds.map(em(), MiniGrid.class,
        cities.stream().map(City::getMiniGridId).toList(), MiniGrid::getId);
    Map<Long, Cluster> clusters = ByIds.map(em(), Cluster.class,
        miniGrids.values().stream().map(MiniGrid::getClusterId).toList(), Cluster::getId);
    Map<Long, Country> countries = ByIds.map(em(), Country.class,
        cities.stream().map(City::getCountryId).toList(), Country::getId);
    List<CityView> out = new ArrayList<>();
    for (City c : cities) {
      MiniGrid m = miniGrids.get(c.getMiniGridId());
      out.add(new CityView(c, locations.get(c.getId()), m, m == null ? null : clusters.get(m.getClusterId()),
          countries.get(c.getCountryId())));
    }
    return out;
  }

  public CityView cityView(long id) {
    return cityViews(List.of(city(id))).get(0);
  }

  public List<ClusterView> clusterViews() {
    List<Cluster> clusters = clusters();
    Map<Long, List<MiniGrid>> grids = new HashMap<>();
    for (MiniGrid m : allMiniGrids()) {
      grids.computeIfAbsent(m.getClusterId(), k -> new ArrayList<>()).add(m);
    }
    return clusters.stream().map(c -> new ClusterView(c, grids.getOrDefault(c.getId(), List.of()))).toList();
  }

  public List<MiniGridView> miniGridViews(List<MiniGrid> miniGrids) {
    Map<Long, GeographicalInformation> locations = locations(GeographicalInformation.MINI_GRID,
        miniGrids.stream().map(MiniGrid::getId).toList());
    return miniGrids.stream().map(m -> new MiniGridView(m, locations.get(m.getId()))).toList();
  }

  public MiniGridView miniGridView(long id) {
    return miniGridViews(List.of(miniGrid(id))).get(0);
  }

  /** The first location of each owner of a type. */
  public Map<Long, GeographicalInformation> locations(String ownerType, List<Long> ownerIds) {
    Map<Long, GeographicalInformation> out = new HashMap<>();
    if (ownerIds.isEmpty()) {
      return out;
    }
    for (GeographicalInformation g : em().createQuery("SELECT g FROM GeographicalInformation g"
            + " WHERE g.ownerType = :t AND g.ownerId IN :ids ORDER BY g.id", GeographicalInformation.class)
        .setParameter("t", ownerType).setParameter("ids", ownerIds).getResultList()) {
      out.putIfAbsent(g.getOwnerId(), g);
    }
    return out;
  }

  // ---- locations

  public Optional<GeographicalInformation> location(String ownerType, long ownerId) {
    return em().createQuery("SELECT g FROM GeographicalInformation g WHERE g.ownerType = :t AND g.ownerId = :o"
            + " ORDER BY g.id", GeographicalInformation.class)
        .setParameter("t", ownerType).setParameter("o", ownerId).setMaxResults(1)
        .getResultList().stream().findFirst();
  }

  /** Sets the locations of many owners of one type in one transaction. */
  public void setLocations(String ownerType, Map<Long, String> geoJsonByOwner) {
    geoJsonByOwner.forEach((owner, geo) -> setLocation(ownerType, owner, geo));
    em().flush();
  }

  private void setLocation(String ownerType, long ownerId, String geoJson) {
    Optional<GeographicalInformation> existing = location(ownerType, ownerId);
    if (existing.isPresent()) {
      existing.get().setGeoJson(geoJson);
    } else {
      em().persist(new GeographicalInformation(ownerType, ownerId, geoJson));
    }
  }

  private void requireUser(long id) {
    if (em().find(User.class, id) == null) {
      throw ValidationException.field("manager_id", "The selected manager id is invalid.");
    }
  }

  private void requireCluster(long id) {
    if (em().find(Cluster.class, id) == null) {
      throw ValidationException.field("cluster_id", "The selected cluster id is invalid.");
    }
  }

  private void requireMiniGrid(long id) {
    if (em().find(MiniGrid.class, id) == null) {
      throw ValidationException.field("mini_grid_id", "The selected mini grid id is invalid.");
    }
  }

  private void requireCountry(long id) {
    if (em().find(Country.class, id) == null) {
      throw ValidationException.field("country_id", "The selected country id is invalid.");
    }
  }
}

package org.mpm.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mpm.common.ByIds;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.customer.PeopleListCache.Bookmark;
import org.mpm.common.ValidationException;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.customer.PersonView.DeviceView;
import org.mpm.device.Device;
import org.mpm.device.EBike;
import org.mpm.device.Meter;
import org.mpm.device.SolarHomeSystem;
import org.mpm.tariff.TariffService;
import org.mpm.tariff.TariffView;
import org.mpm.transaction.Token;
import org.mpm.transaction.Transaction;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService;
import org.mpm.transaction.PaymentHistory;
import org.mpm.geography.City;
import org.mpm.geography.Country;
import org.mpm.tenancy.TenantDatabase;

/**
 * People of the company with their addresses (phone and e-mail live on the address, as in MPM). Listing,
 * search and detail load addresses, cities and citizenship in batches.
 */
@Stateless
public class PersonService {

  public static final String MODEL = "App\\Models\\Person\\Person";
  static final String ADDRESS_MODEL = "App\\Models\\Address\\Address";

  @Inject TenantDatabase tenantDb;
  @Inject GeographyService geography;
  @Inject PeopleListCache listCache;
  @Inject TariffService tariffService;

  private EntityManager em() {
    return tenantDb.em();
  }

  /**
   * The filters and order of {@code GET /api/people}. Null means "not filtered". Payment filters look at the
   * person's payments ({@code payment_histories} with payer type {@code person}).
   */
  public record ListQuery(int isCustomer, Long cityId, LocalDate registrationFrom, LocalDate registrationTo,
      Long agentId, Boolean activeCustomer, Double totalPaidMin, Double totalPaidMax, LocalDate latestPaymentFrom,
      LocalDate latestPaymentTo, String deviceType, String sortField, boolean descending, int page, int perPage) {}

  private static final String PAYMENTS = "SELECT 1 FROM payment_histories ph WHERE ph.payer_type = 'person'"
      + " AND ph.payer_id = p.id";

  public Page<PersonView> list(ListQuery q) {
    // Two steps: the ids of the page from an index (no row reads, also deep in the list), then those rows.
    StringBuilder where = new StringBuilder(" WHERE p.is_customer = ? AND p.deleted_at IS NULL");
    List<Object> params = new ArrayList<>();
    params.add(q.isCustomer());
    if (q.cityId() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM addresses a WHERE a.owner_type = 'person' AND a.owner_id = p.id"
          + " AND a.is_primary = 1 AND a.city_id = ?)");
      params.add(q.cityId());
    }
    if (q.registrationFrom() != null) {
      where.append(" AND p.created_at >= ?");
      params.add(q.registrationFrom().atStartOfDay());
    }
    if (q.registrationTo() != null) {
      where.append(" AND p.created_at < ?");
      params.add(q.registrationTo().plusDays(1).atStartOfDay());
    }
    if (q.agentId() != null) {
      // A customer's agent is the agent who sold it an appliance; no appliance sales are recorded by this
      // backend yet (agents and appliance sales come with their own tables), so no customer has an agent.
      where.append(" AND 1 = 0");
    }
    if (q.activeCustomer() != null) {
      where.append(q.activeCustomer() ? " AND EXISTS (" : " AND NOT EXISTS (").append(PAYMENTS)
          .append(" AND ph.created_at >= ?)");
      params.add(Timestamped.nowUtc().minusDays(PersonView.ACTIVE_DAYS));
    }
    if (q.totalPaidMin() != null || q.totalPaidMax() != null) {
      where.append(" AND p.id IN (SELECT ph.payer_id FROM payment_histories ph WHERE ph.payer_type = 'person'"
          + " GROUP BY ph.payer_id HAVING 1 = 1");
      if (q.totalPaidMin() != null) {
        where.append(" AND SUM(ph.amount) >= ?");
        params.add(q.totalPaidMin());
      }
      if (q.totalPaidMax() != null) {
        where.append(" AND SUM(ph.amount) <= ?");
        params.add(q.totalPaidMax());
      }
      where.append(")");
    }
    if (q.latestPaymentFrom() != null) {
      where.append(" AND (SELECT MAX(ph.created_at) FROM payment_histories ph WHERE ph.payer_type = 'person'"
          + " AND ph.payer_id = p.id) >= ?");
      params.add(q.latestPaymentFrom().atStartOfDay());
    }
    if (q.latestPaymentTo() != null) {
      where.append(" AND (SELECT MAX(ph.created_at) FROM payment_histories ph WHERE ph.payer_type = 'person'"
          + " AND ph.payer_id = p.id) < ?");
      params.add(q.latestPaymentTo().plusDays(1).atStartOfDay());
    }
    if (q.deviceType() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM devices d WHERE d.person_id = p.id AND d.device_type = ?)");
      params.add(q.deviceType());
    }
    String dir = q.descending() ? " DESC" : " ASC";
    String key = switch (q.sortField()) {
      case "name" -> "p.name";
      case "id" -> "p.id";
      case "city" -> "(SELECT c.name FROM addresses a JOIN cities c ON c.id = a.city_id WHERE a.owner_type = 'person'"
          + " AND a.owner_id = p.id AND a.is_primary = 1 ORDER BY a.id LIMIT 1)";
      case "device" -> "(SELECT d.device_serial FROM devices d WHERE d.person_id = p.id ORDER BY d.id LIMIT 1)";
      // no customer has an agent yet (see the agent filter): the agent order is the id order
      case "agent" -> "p.id";
      default -> "p.created_at";
    };
    String order = key + dir + (key.equals("p.id") ? "" : ", p.id" + dir);
    // Totals and bookmarks are remembered for queries on people and addresses only: those change only through
    // this service, which tells the cache (payments and devices change elsewhere, and "active" moves with time).
    boolean remember = q.agentId() == null && q.activeCustomer() == null && q.totalPaidMin() == null
        && q.totalPaidMax() == null && q.latestPaymentFrom() == null && q.latestPaymentTo() == null
        && q.deviceType() == null;
    String database = tenantDb.databaseName();
    String queryKey = where + " " + params;
    Supplier<Long> count = () -> ((Number) NativeSql.bind(em().createNativeQuery("SELECT COUNT(*) FROM people p"
        + where), params).getSingleResult()).longValue();
    long total = remember ? listCache.total(database, queryKey, count) : count.get();
    long offset = (long) (q.page() - 1) * q.perPage();
    StringBuilder pageWhere = new StringBuilder(where);
    List<Object> pageParams = new ArrayList<>(params);
    boolean byColumn = key.startsWith("p.");
    if (remember && byColumn && offset >= DEEP_OFFSET && offset < total) {
      // Deep in the list: continue after the nearest bookmark instead of skipping every row before it.
      List<Bookmark> marks = listCache.bookmarks(database, queryKey + order,
          () -> bookmarks(where.toString(), params, key, order));
      Bookmark from = null;
      for (Bookmark b : marks) {
        if (b.position() < offset) {
          from = b;
        }
      }
      if (from != null) {
        String after = q.descending() ? " < " : " > ";
        if (key.equals("p.id")) {
          pageWhere.append(" AND p.id").append(after).append("?");
          pageParams.add(from.id());
        } else {
          pageWhere.append(" AND ").append(key).append(q.descending() ? " <= ?" : " >= ?").append(" AND (")
              .append(key).append(after).append("? OR p.id").append(after).append("?)");
          pageParams.add(from.key());
          pageParams.add(from.key());
          pageParams.add(from.id());
        }
        offset -= from.position() + 1;
      }
    }
    @SuppressWarnings("unchecked")
    List<Number> ids = NativeSql.bind(em().createNativeQuery("SELECT p.id FROM people p" + pageWhere + " ORDER BY "
        + order + " LIMIT " + q.perPage() + " OFFSET " + offset), pageParams).getResultList();
    return new Page<>(views(byIds(ids)), q.page(), q.perPage(), total);
  }

  /** Pages starting this deep use bookmarks. */
  static final long DEEP_OFFSET = 5_000;

  /**
   * Every {@value PeopleListCache#BOOKMARK_STEP}th row of the ordered list, from one index-only scan; none when
   * a sort key is null (a keyset comparison cannot continue after a null).
   */
  private List<Bookmark> bookmarks(String where, List<Object> params, String key, String order) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = NativeSql.bind(em().createNativeQuery("SELECT " + key + ", p.id FROM people p"
        + where + " ORDER BY " + order), params).getResultList();
    List<Bookmark> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      if (row[0] == null) {
        return List.of();
      }
      if (i % PeopleListCache.BOOKMARK_STEP == PeopleListCache.BOOKMARK_STEP - 1) {
        out.add(new Bookmark(i, row[0], ((Number) row[1]).longValue()));
      }
    }
    return out;
  }

  /** People (not deleted) with their relations, by id, as the customer list shows them. */
  public Map<Long, PersonView> viewsById(List<Long> ids) {
    Map<Long, PersonView> out = new HashMap<>();
    views(byIds(new ArrayList<>(ids))).forEach(v -> out.put(v.person().getId(), v));
    return out;
  }

  /** People by id, in the order of the ids. */
  private List<Person> byIds(List<? extends Number> ids) {
    return ByIds.inOrder(em(), Person.class, ids.stream().map(Number::longValue).toList(), Person::getId);
  }

  /**
   * Prefix search on name, surname, phone (with or without a leading '+') and device serial: a union of index
   * range scans, so it stays fast on large companies.
   */
  public Page<PersonView> search(String term, int page, int perPage) {
    String t = term == null ? "" : term.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    if (t.isEmpty()) {
      return new Page<>(List.of(), page, perPage, 0);
    }
    String digits = t.startsWith("+") ? t.substring(1) : t;
    String matches = "SELECT p.id FROM people p WHERE p.name LIKE ?1 AND p.deleted_at IS NULL"
        + " UNION SELECT p.id FROM people p WHERE p.surname LIKE ?1 AND p.deleted_at IS NULL"
        + " UNION SELECT a.owner_id FROM addresses a JOIN people p ON p.id = a.owner_id AND p.deleted_at IS NULL"
        + " WHERE a.owner_type = 'person' AND (a.phone LIKE ?2 OR a.phone LIKE ?3)"
        + " UNION SELECT d.person_id FROM devices d JOIN people p ON p.id = d.person_id AND p.deleted_at IS NULL"
        + " WHERE d.device_serial LIKE ?1";
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*) FROM (" + matches + ") m")
        .setParameter(1, t + "%").setParameter(2, digits + "%").setParameter(3, "+" + digits + "%")
        .getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Number> ids = em().createNativeQuery("SELECT m.id FROM (" + matches + ") m ORDER BY m.id LIMIT " + perPage
            + " OFFSET " + (long) (page - 1) * perPage)
        .setParameter(1, t + "%").setParameter(2, digits + "%").setParameter(3, "+" + digits + "%")
        .getResultList();
    return new Page<>(views(byIds(ids)), page, perPage, total);
  }

  public PersonView show(long id) {
    return views(List.of(find(id)), true).get(0);
  }

  public PersonView create(PersonForm f) {
    listCache.changed(tenantDb.databaseName());
    Person p = new Person(f.name(), f.surname());
    apply(p, f);
    p.setIsCustomer(f.isCustomer() == null ? 0 : f.isCustomer());
    if ("maintenance".equals(f.customerType())) {
      p.setType("maintenance");
      p.setMiniGridId(f.miniGridId());
    }
    em().persist(p);
    em().flush();
    em().persist(new Address(Person.MORPH, p.getId(), f.email(), f.phone(), f.street(), f.cityId(),
        f.isPrimary()));
    em().flush();
    return show(p.getId());
  }

  /** Creates many people in one transaction (imports and the demo seed); returns them with their addresses. */
  public List<PersonView> createAll(List<PersonForm> forms) {
    List<PersonView> out = new ArrayList<>();
    for (PersonForm f : forms) {
      out.add(create(f));
    }
    return out;
  }

  public PersonView update(long id, PersonForm f) {
    listCache.changed(tenantDb.databaseName());
    Person p = find(id);
    apply(p, f);
    if (f.isCustomer() != null) {
      p.setIsCustomer(f.isCustomer());
    }
    em().flush();
    return show(id);
  }

  /** A device of a person with the meter, solar home system or e-bike row behind it and, for a meter, its tariff. */
  public record OwnedDevice(Device device, Object concrete, TariffView tariff, GeographicalInformation geo) {}

  /** The person's devices with what stands behind each (MPM's person meters, with and without locations). */
  public List<OwnedDevice> ownedDevices(long personId) {
    find(personId);
    List<Device> devices = devicesOf(List.of(personId)).getOrDefault(personId, List.of());
    Map<Long, Meter> meters = ByIds.map(em(), Meter.class, idsOf(devices, Meter.MORPH), Meter::getId);
    Map<Long, SolarHomeSystem> shs = ByIds.map(em(), SolarHomeSystem.class, idsOf(devices, SolarHomeSystem.MORPH),
        SolarHomeSystem::getId);
    Map<Long, EBike> bikes = ByIds.map(em(), EBike.class, idsOf(devices, EBike.MORPH), EBike::getId);
    Map<Long, TariffView> tariffs = tariffService.viewsById(meters.values().stream().map(Meter::getTariffId)
        .distinct().toList());
    Map<Long, GeographicalInformation> geo = geography.locations(Device.MORPH,
        devices.stream().map(Device::getId).toList());
    List<OwnedDevice> out = new ArrayList<>();
    for (Device d : devices) {
      Object concrete = switch (d.getDeviceType()) {
        case Meter.MORPH -> meters.get(d.getDeviceId());
        case SolarHomeSystem.MORPH -> shs.get(d.getDeviceId());
        case EBike.MORPH -> bikes.get(d.getDeviceId());
        default -> null;
      };
      TariffView tariff = concrete instanceof Meter m ? tariffs.get(m.getTariffId()) : null;
      out.add(new OwnedDevice(d, concrete, tariff, geo.get(d.getId())));
    }
    return out;
  }

  /** The ids of the meters, solar home systems or e-bikes behind devices of one type. */
  private static List<Long> idsOf(List<Device> devices, String deviceType) {
    return devices.stream().filter(d -> deviceType.equals(d.getDeviceType())).map(Device::getDeviceId).toList();
  }

  /** A person's payments, newest first, each with its transaction and that one's token (7 per page in MPM). */
  public record PaymentView(PaymentHistory payment, Transaction transaction, Token token) {}

  public Page<PaymentView> payments(long personId, int page, int perPage) {
    find(personId);
    long total = em().createQuery("SELECT COUNT(ph) FROM PaymentHistory ph WHERE ph.payerType = 'person'"
        + " AND ph.payerId = :p", Long.class).setParameter("p", personId).getSingleResult();
    List<PaymentHistory> rows = em().createQuery("SELECT ph FROM PaymentHistory ph WHERE ph.payerType = 'person'"
            + " AND ph.payerId = :p ORDER BY ph.createdAt DESC, ph.id DESC", PaymentHistory.class)
        .setParameter("p", personId).setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    List<Long> txIds = rows.stream().map(PaymentHistory::getTransactionId).distinct().toList();
    Map<Long, Transaction> txs = ByIds.map(em(), Transaction.class, txIds, Transaction::getId);
    Map<Long, Token> tokens = new HashMap<>();
    if (!txIds.isEmpty()) {
      em().createQuery("SELECT t FROM Token t WHERE t.transactionId IN :ids", Token.class)
          .setParameter("ids", txIds).getResultList().forEach(t -> tokens.put(t.getTransactionId(), t));
    }
    return new Page<>(rows.stream().map(ph -> new PaymentView(ph, txs.get(ph.getTransactionId()),
        tokens.get(ph.getTransactionId()))).toList(), page, perPage, total);
  }

  /** Stores the onboarding answers (a JSON array of {question, answer}) as given. */
  public PersonView updateOnboarding(long id, String answersJson) {
    find(id).setOnboardingJson(answersJson);
    em().flush();
    return show(id);
  }

  /** The maintenance persons (MPM's list is not paginated). */
  public List<PersonView> maintenanceUsers() {
    return views(em().createQuery("SELECT p FROM Person p WHERE p.type = 'maintenance' ORDER BY p.id", Person.class)
        .getResultList());
  }

  /**
   * The person with this phone number made a maintenance person (keeping its mini-grid if it has one), or a new
   * maintenance person with a primary address when nobody has the number.
   */
  public PersonView maintenanceUser(PersonForm f) {
    List<Number> ids = em().createNativeQuery("SELECT a.owner_id FROM addresses a JOIN people p ON p.id = a.owner_id"
            + " AND p.deleted_at IS NULL WHERE a.owner_type = 'person' AND a.phone = ?1 ORDER BY a.owner_id LIMIT 1")
        .setParameter(1, f.phone()).getResultList();
    if (ids.isEmpty()) {
      return create(new PersonForm(f.title(), f.education(), f.name(), f.surname(), f.birthDate(), f.gender(),
          0, 1, "maintenance", f.miniGridId(), f.cityId(), f.street(), f.email(), f.phone(), f.countryCode()));
    }
    Person p = find(ids.get(0).longValue());
    if (!"maintenance".equals(p.getType())) {
      p.setType("maintenance");
      if (p.getMiniGridId() == null && f.miniGridId() != null) {
        p.setMiniGridId(f.miniGridId());
      }
      em().flush();
    }
    return show(p.getId());
  }

  /** Every address of the company, or a page of them (ordered by id). */
  public Page<AddressView> allAddresses(Integer page, Integer perPage) {
    var q = em().createQuery("SELECT a FROM Address a ORDER BY a.id", Address.class);
    long total;
    if (page != null) {
      total = em().createQuery("SELECT COUNT(a) FROM Address a", Long.class).getSingleResult();
      q.setFirstResult((page - 1) * perPage).setMaxResults(perPage);
    } else {
      total = -1;
    }
    List<AddressView> items = addressViews(q.getResultList());
    return new Page<>(items, page == null ? 1 : page, page == null ? Math.max(items.size(), 1) : perPage,
        total < 0 ? items.size() : total);
  }

  public AddressView address(long id) {
    Address a = em().find(Address.class, id);
    if (a == null) {
      throw NotFoundException.model(ADDRESS_MODEL, id);
    }
    return addressViews(List.of(a)).get(0);
  }

  /** The person an address belongs to (404 when it is not a person's address). */
  public long personOf(long addressId) {
    Address a = em().find(Address.class, addressId);
    if (a == null || !Person.MORPH.equals(a.getOwnerType())) {
      throw NotFoundException.model(ADDRESS_MODEL, addressId);
    }
    return a.getOwnerId();
  }

  private List<AddressView> addressViews(List<Address> addresses) {
    Map<Long, City> cities = ByIds.map(em(), City.class, addresses.stream().map(Address::getCityId).toList(),
        City::getId);
    return addresses.stream().map(a -> new AddressView(a, a.getCityId() == null ? null : cities.get(a.getCityId())))
        .toList();
  }

  /** Soft-deletes a person; returns it as it was. */
  public PersonView delete(long id) {
    listCache.changed(tenantDb.databaseName());
    PersonView before = show(id);
    before.person().softDelete();
    em().flush();
    return before;
  }

  public List<AddressView> addresses(long personId) {
    find(personId);
    return views(List.of(em().find(Person.class, personId))).get(0).addresses();
  }

  /** Adds an address to a person (not primary unless asked; a new primary one demotes the others). */
  public AddressView addAddress(long personId, AddressForm f) {
    listCache.changed(tenantDb.databaseName());
    find(personId);
    Address a = new Address(Person.MORPH, personId);
    a.setIsPrimary(0);
    apply(personId, a, f);
    em().persist(a);
    em().flush();
    return new AddressView(a, a.getCityId() == null ? null : em().find(City.class, a.getCityId()));
  }

  /** Changes the given fields of a person's address. */
  public AddressView updateAddress(long personId, long addressId, AddressForm f) {
    listCache.changed(tenantDb.databaseName());
    Address a = ownAddress(personId, addressId);
    apply(personId, a, f);
    em().flush();
    return new AddressView(a, a.getCityId() == null ? null : em().find(City.class, a.getCityId()));
  }

  private void apply(long personId, Address a, AddressForm f) {
    if (f.email() != null) {
      a.setEmail(f.email());
    }
    if (f.phone() != null) {
      a.setPhone(f.phone());
    }
    if (f.street() != null) {
      a.setStreet(f.street());
    }
    if (f.cityId() != null) {
      requireCity(f.cityId());
      a.setCityId(f.cityId());
    }
    if (f.primary() != null) {
      if (f.primary()) {
        demoteOtherPrimaries(personId, a.getId());
      }
      a.setIsPrimary(f.primary() ? 1 : 0);
    }
  }

  public void deleteAddress(long personId, long addressId) {
    listCache.changed(tenantDb.databaseName());
    Address a = ownAddress(personId, addressId);
    if (a.getIsPrimary() == 1) {
      throw ValidationException.message("The primary address cannot be deleted.");
    }
    em().remove(a);
  }

  private Address ownAddress(long personId, long addressId) {
    find(personId);
    Address a = em().find(Address.class, addressId);
    if (a == null || !Person.MORPH.equals(a.getOwnerType()) || a.getOwnerId() != personId) {
      throw NotFoundException.model(ADDRESS_MODEL, addressId);
    }
    return a;
  }

  private void demoteOtherPrimaries(long personId, Long keep) {
    for (Address other : addressesOf(List.of(personId)).getOrDefault(personId, List.of())) {
      if (!other.getId().equals(keep)) {
        other.setIsPrimary(0);
      }
    }
  }

  private void apply(Person p, PersonForm f) {
    if (f.title() != null) {
      p.setTitle(f.title());
    }
    if (f.education() != null) {
      p.setEducation(f.education());
    }
    if (f.name() != null) {
      p.setName(f.name());
    }
    if (f.surname() != null) {
      p.setSurname(f.surname());
    }
    if (f.birthDate() != null) {
      p.setBirthDate(f.birthDate());
    }
    if (f.gender() != null) {
      p.setGender(f.gender());
    }
    if (f.countryCode() != null) {
      List<Country> c = em().createQuery("SELECT c FROM Country c WHERE c.countryCode = :c", Country.class)
          .setParameter("c", f.countryCode()).setMaxResults(1).getResultList();
      if (!c.isEmpty()) {
        p.setNationality(c.get(0).getId());
      }
    }
    requireCity(f.cityId());
  }

  private void requireCity(Long cityId) {
    if (cityId != null && em().find(City.class, cityId) == null) {
      throw ValidationException.field("city_id", "The selected city id is invalid.");
    }
  }

  private Person find(long id) {
    Person p = em().find(Person.class, id);
    if (p == null) {
      throw NotFoundException.model(MODEL, id);
    }
    return p;
  }

  private Map<Long, List<Address>> addressesOf(List<Long> personIds) {
    Map<Long, List<Address>> out = new HashMap<>();
    if (personIds.isEmpty()) {
      return out;
    }
    for (Address a : em().createQuery("SELECT a FROM Address a WHERE a.ownerType = 'person' AND a.ownerId IN :ids"
        + " ORDER BY a.isPrimary, a.id", Address.class).setParameter("ids", personIds).getResultList()) {
      out.computeIfAbsent(a.getOwnerId(), k -> new ArrayList<>()).add(a);
    }
    return out;
  }

  private List<PersonView> views(List<Person> people) {
    return views(people, false);
  }

  /**
   * People with their relations, each kind loaded in one query for all of them: addresses, cities, citizenship,
   * devices, latest payments (and, for the detail, the locations of addresses, cities and devices).
   */
  private List<PersonView> views(List<Person> people, boolean detail) {
    List<Long> personIds = people.stream().map(Person::getId).toList();
    Map<Long, List<Address>> addresses = addressesOf(personIds);
    List<Long> cityIds = addresses.values().stream().flatMap(List::stream).map(Address::getCityId)
        .filter(java.util.Objects::nonNull).distinct().toList();
    Map<Long, City> cities = ByIds.map(em(), City.class, cityIds, City::getId);
    Map<Long, List<Device>> devices = devicesOf(personIds);
    Map<Long, PaymentHistory> latest = latestPayments(personIds);
    Map<Long, GeographicalInformation> cityLocations = Map.of();
    Map<Long, GeographicalInformation> addressGeo = Map.of();
    Map<Long, GeographicalInformation> deviceGeo = Map.of();
    if (detail) {
      cityLocations = geography.locations(GeographicalInformation.CITY, cityIds);
      addressGeo = geography.locations(GeographicalInformation.ADDRESS,
          addresses.values().stream().flatMap(List::stream).map(Address::getId).toList());
      deviceGeo = geography.locations(Device.MORPH,
          devices.values().stream().flatMap(List::stream).map(Device::getId).toList());
    }
    List<PersonView> out = new ArrayList<>();
    for (Person p : people) {
      List<AddressView> av = new ArrayList<>();
      for (Address a : addresses.getOrDefault(p.getId(), List.of())) {
        City c = a.getCityId() == null ? null : cities.get(a.getCityId());
        av.add(new AddressView(a, c, c == null ? null : cityLocations.get(c.getId()), addressGeo.get(a.getId())));
      }
      List<DeviceView> dv = new ArrayList<>();
      for (Device d : devices.getOrDefault(p.getId(), List.of())) {
        dv.add(new DeviceView(d, deviceGeo.get(d.getId())));
      }
      Country citizenship = p.getNationality() == null ? null : em().find(Country.class, p.getNationality());
      out.add(new PersonView(p, av, citizenship, dv, latest.get(p.getId()), detail));
    }
    return out;
  }

  private Map<Long, List<Device>> devicesOf(List<Long> personIds) {
    Map<Long, List<Device>> out = new HashMap<>();
    if (personIds.isEmpty()) {
      return out;
    }
    for (Device d : em().createQuery("SELECT d FROM Device d WHERE d.personId IN :ids ORDER BY d.id", Device.class)
        .setParameter("ids", personIds).getResultList()) {
      out.computeIfAbsent(d.getPersonId(), k -> new ArrayList<>()).add(d);
    }
    return out;
  }

  /** The newest payment of each person (by created_at, then id), in one query. */
  private Map<Long, PaymentHistory> latestPayments(List<Long> personIds) {
    Map<Long, PaymentHistory> out = new HashMap<>();
    if (personIds.isEmpty()) {
      return out;
    }
    Query q = em().createNativeQuery("SELECT x.id FROM (SELECT ph.id, ROW_NUMBER() OVER (PARTITION BY"
        + " ph.payer_id ORDER BY ph.created_at DESC, ph.id DESC) AS rn FROM payment_histories ph"
        + " WHERE ph.payer_type = 'person' AND ph.payer_id IN (" + NativeSql.in(personIds.size()) + ")) x"
        + " WHERE x.rn = 1");
    NativeSql.bindIn(q, 1, personIds);
    List<Long> ids = ((List<?>) q.getResultList()).stream().map(o -> ((Number) o).longValue()).toList();
    ByIds.load(em(), PaymentHistory.class, ids).forEach(ph -> out.put(ph.getPayerId(), ph));
    return out;
  }

}

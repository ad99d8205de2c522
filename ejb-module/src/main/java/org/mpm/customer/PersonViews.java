package org.mpm.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mpm.common.ByIds;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.customer.PersonView.DeviceView;
import org.mpm.device.Device;
import org.mpm.device.EBike;
import org.mpm.device.Meter;
import org.mpm.device.SolarHomeSystem;
import org.mpm.geography.City;
import org.mpm.geography.Country;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService;
import org.mpm.tariff.TariffService;
import org.mpm.tariff.TariffView;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentHistory;
import org.mpm.transaction.Token;
import org.mpm.transaction.Transaction;

/**
 * People as the routes show them: each with its addresses and their cities, citizenship, devices and latest
 * payment, every kind of relation loaded in one query for all of them; a person's devices with the meter, solar
 * home system or e-bike behind each, and a person's payments.
 */
@Stateless
public class PersonViews {

  @Inject TenantDatabase tenantDb;
  @Inject GeographyService geography;
  @Inject TariffService tariffService;

  /** A device of a person with the meter, solar home system or e-bike row behind it and, for a meter, its tariff. */
  public record OwnedDevice(Device device, Object concrete, TariffView tariff, GeographicalInformation geo) {}

  /** A person's payments, newest first, each with its transaction and that one's token (7 per page in MPM). */
  public record PaymentView(PaymentHistory payment, Transaction transaction, Token token) {}

  private EntityManager em() {
    return tenantDb.em();
  }

  /** The person with this id; 404 when there is none. */
  public Person person(long id) {
    Person p = em().find(Person.class, id);
    if (p == null) {
      throw NotFoundException.model(PersonService.MODEL, id);
    }
    return p;
  }

  /** The person as {@code GET /api/people/{id}} shows it (with the locations). */
  public PersonView show(long id) {
    return views(List.of(person(id)), true).get(0);
  }

  /** People (not deleted) with their relations, by id, as the customer list shows them. */
  public Map<Long, PersonView> viewsById(List<Long> ids) {
    Map<Long, PersonView> out = new HashMap<>();
    views(ByIds.inOrder(em(), Person.class, ids, Person::getId)).forEach(v -> out.put(v.person().getId(), v));
    return out;
  }

  /** People with their relations, as the customer list shows them. */
  public List<PersonView> views(List<Person> people) {
    return views(people, false);
  }

  /** The addresses of people, by person: the primary one last (MPM's order), then by id. */
  public Map<Long, List<Address>> addressesOf(List<Long> personIds) {
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

  /** The person's devices with what stands behind each (MPM's person meters, with and without locations). */
  public List<OwnedDevice> ownedDevices(long personId) {
    person(personId);
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

  public Page<PaymentView> payments(long personId, int page, int perPage) {
    person(personId);
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

  /**
   * People with their relations, each kind loaded in one query for all of them: addresses, cities, citizenship,
   * devices, latest payments (and, for the detail, the locations of addresses, cities and devices).
   */
  private List<PersonView> views(List<Person> people, boolean detail) {
    List<Long> personIds = people.stream().map(Person::getId).toList();
    Map<Long, List<Address>> addresses = addressesOf(personIds);
    List<Long> cityIds = addresses.values().stream().flatMap(List::stream).map(Address::getCityId)
        .filter(Objects::nonNull).distinct().toList();
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

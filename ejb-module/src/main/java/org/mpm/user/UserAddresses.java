package org.mpm.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.auth.Principal;
import org.mpm.common.ByIds;
import org.mpm.common.ForbiddenException;
import org.mpm.common.NotFoundException;
import org.mpm.common.ValidationException;
import org.mpm.customer.Address;
import org.mpm.customer.AddressForm;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.geography.City;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;

/**
 * A user's address (MPM's UserAddressController and UserAddressService): one {@code addresses} row of owner type
 * {@code users}, with the user's own e-mail. Setting it also sets the user's name, as the web console's profile
 * sends both; the first one is created primary, a later one changes it. Who may set whose follows MPM's routes and
 * UserPolicy: yourself, or with the {@code users} permission anyone but an owner or admin, whom only
 * {@code users.manage-owner} / {@code users.manage-admin} may change.
 */
@Stateless
public class UserAddresses {

  @Inject TenantDatabase tenantDb;
  @Inject UserRoles userRoles;
  @Inject TenantMemo memo;

  /** The user's address with its city, or null; yourself, or anyone with the {@code users} permission. */
  public AddressView show(Principal actor, long userId) {
    find(userId);
    if (actor.id() != userId && !actor.can("users")) {
      throw new ForbiddenException(ForbiddenException.UNAUTHORIZED_ACTION);
    }
    return of(List.of(userId)).get(userId);
  }

  /**
   * Sets the user's name (when given) and address: phone and street (null when not given) and village; returns the
   * user with the address.
   */
  public UserView save(Principal actor, long userId, String name, AddressForm form) {
    User user = find(userId);
    if (actor.id() != userId) {
      UserService.checkManage(actor, userRoles.roleNames(userId));
    }
    EntityManager em = tenantDb.em();
    if (em.find(City.class, form.cityId()) == null) {
      throw ValidationException.field("city_id", "The selected city id is invalid.");
    }
    if (name != null) {
      memo.changed(TenantMemo.USERS, tenantDb.databaseName());
      user.setName(name);
    }
    Address address = addressesOf(List.of(userId)).get(userId);
    if (address == null) {
      address = new Address(User.MORPH, userId);
      address.setIsPrimary(1);
      em.persist(address);
    }
    address.setEmail(user.getEmail());
    address.setPhone(form.phone());
    address.setStreet(form.street());
    address.setCityId(form.cityId());
    em.flush();
    return UserView.of(user, userRoles.roleNames(userId), new AddressView(address, em.find(City.class,
        form.cityId())));
  }

  /** The addresses of users, with their cities, by user id (users without one are left out). */
  public Map<Long, AddressView> of(List<Long> userIds) {
    Map<Long, Address> addresses = addressesOf(userIds);
    Map<Long, City> cities = ByIds.map(tenantDb.em(), City.class,
        addresses.values().stream().map(Address::getCityId).toList(), City::getId);
    Map<Long, AddressView> out = new HashMap<>();
    addresses.forEach((user, a) -> out.put(user, new AddressView(a, a.getCityId() == null ? null
        : cities.get(a.getCityId()))));
    return out;
  }

  /** Removes the user's address (with the user). */
  public void removeOf(long userId) {
    tenantDb.em().createQuery("DELETE FROM Address a WHERE a.ownerType = :type AND a.ownerId = :id")
        .setParameter("type", User.MORPH).setParameter("id", userId).executeUpdate();
  }

  /** Each user's address: the first one (Eloquent's morphOne), by user id. */
  private Map<Long, Address> addressesOf(List<Long> userIds) {
    Map<Long, Address> out = new HashMap<>();
    if (userIds.isEmpty()) {
      return out;
    }
    ByIds.chunked(userIds, part -> tenantDb.em().createQuery("SELECT a FROM Address a WHERE a.ownerType = :type"
            + " AND a.ownerId IN :ids ORDER BY a.id", Address.class)
        .setParameter("type", User.MORPH).setParameter("ids", part).getResultList())
        .forEach(a -> out.putIfAbsent(a.getOwnerId(), a));
    return out;
  }

  private User find(long userId) {
    User user = tenantDb.em().find(User.class, userId);
    if (user == null) {
      throw NotFoundException.model(UserService.MODEL, userId);
    }
    return user;
  }
}

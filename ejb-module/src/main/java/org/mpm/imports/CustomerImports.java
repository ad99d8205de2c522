package org.mpm.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.ValidationException;
import org.mpm.customer.PeopleListCache;
import org.mpm.customer.Person;
import org.mpm.tenancy.TenantDatabase;

/**
 * MPM's CustomerImportService, in one transaction: a customer is found by name and surname (updated) or created,
 * with its primary address (city by name) and the devices whose serials it lists. A row whose phone belongs to
 * someone else fails and the others are imported. A city that does not exist is a 422 for the whole import
 * (MPM's {@code exists} rule), before anything is written.
 */
@Stateless
public class CustomerImports {

  @Inject TenantDatabase tenantDb;
  @Inject PeopleListCache listCache;

  public ImportResult importAll(List<CustomerItem> items) {
    ImportSql sql = new ImportSql(tenantDb.connection());
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Map<String, Long> cities = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String city = items.get(i).city();
      if (city != null && !cities.containsKey(city)) {
        Long id = sql.id("SELECT id FROM cities WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1", city);
        cities.put(city, id);
      }
      if (city != null && cities.get(city) == null) {
        errors.put("data." + i + ".city", List.of("The selected data." + i + ".city is invalid."));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    ImportResult result = new ImportResult("customers");
    for (CustomerItem item : items) {
      one(sql, item, item.city() == null ? null : cities.get(item.city()), result);
    }
    listCache.changed(tenantDb.databaseName());
    return result;
  }

  private void one(ImportSql sql, CustomerItem item, Long cityId, ImportResult result) {
    String surname = item.surname() == null ? "" : item.surname();
    Timestamp now = ImportSql.now();
    Long personId = sql.id("SELECT id FROM people WHERE name = ? AND surname = ? AND deleted_at IS NULL"
        + " ORDER BY id LIMIT 1", item.name(), surname);
    if (item.phone() != null && sql.id("SELECT id FROM addresses WHERE phone = ? AND NOT (owner_type = ?"
        + " AND owner_id = ?) LIMIT 1", item.phone(), Person.MORPH, personId == null ? 0L : personId) != null) {
      result.failed("name", (item.name() + " " + surname).trim(), Map.of("phone", "Phone number '" + item.phone()
          + "' is already assigned to another customer"));
      return;
    }
    boolean isNew = personId == null;
    if (isNew) {
      personId = sql.insert("INSERT INTO people (title, name, surname, birth_date, gender, is_customer, type,"
          + " created_at, updated_at)", "(?, ?, ?, ?, ?, 1, 'customer', ?, ?)", item.title(), item.name(), surname,
          item.birthDate(), item.gender(), now, now);
    } else {
      sql.execute("UPDATE people SET is_customer = 1, type = 'customer', title = COALESCE(?, title),"
          + " birth_date = COALESCE(?, birth_date), gender = COALESCE(?, gender), updated_at = ? WHERE id = ?",
          item.title(), item.birthDate(), item.gender(), now, personId);
    }
    Long addressId = sql.id("SELECT id FROM addresses WHERE owner_type = ? AND owner_id = ? AND is_primary = 1"
        + " ORDER BY id LIMIT 1", Person.MORPH, personId);
    if (addressId == null) {
      sql.insert("INSERT INTO addresses (owner_type, owner_id, email, phone, street, city_id, is_primary,"
          + " created_at, updated_at)", "(?, ?, ?, ?, ?, ?, 1, ?, ?)", Person.MORPH, personId, item.email(),
          item.phone(), item.street(), cityId, now, now);
    } else {
      sql.execute("UPDATE addresses SET email = ?, phone = ?, street = ?, city_id = ?, updated_at = ? WHERE id = ?",
          item.email(), item.phone(), item.street(), cityId, now, addressId);
    }
    if (item.devices() != null && !item.devices().isBlank()) {
      List<String> serials = new ArrayList<>(Arrays.stream(item.devices().split(",")).map(String::trim)
          .filter(s -> !s.isEmpty()).toList());
      if (!serials.isEmpty()) {
        List<Object> params = new ArrayList<>();
        params.add(personId);
        params.add(now);
        params.addAll(serials);
        sql.execute("UPDATE devices SET person_id = ?, updated_at = ? WHERE device_serial IN ("
            + String.join(", ", serials.stream().map(s -> "?").toList()) + ")", params.toArray());
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", personId);
    row.put("name", item.name());
    row.put("surname", surname);
    if (isNew) {
      result.added(row);
    } else {
      result.modified(row);
    }
  }
}

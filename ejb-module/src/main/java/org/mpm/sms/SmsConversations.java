package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.Like;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.customer.Person;
import org.mpm.customer.PersonService;
import org.mpm.customer.PersonView;
import org.mpm.tenancy.TenantDatabase;

/**
 * Reading the company's messages (MPM's SmsController reads): conversations grouped by phone, the messages of a
 * phone or of a person's phones, and the people a message can be written to.
 */
@Stateless
public class SmsConversations {

  static final String PERSON_PHONES = "SELECT a.phone FROM addresses a WHERE a.owner_type = 'person'"
      + " AND a.phone IS NOT NULL AND a.phone <> ''";

  @Inject TenantDatabase tenantDb;

  /** A conversation: the phone, its number of messages and the person of that phone (or null). */
  public record Conversation(String receiver, long total, Owner owner) {}

  /** The person a phone belongs to, as the conversation list shows it. */
  public record Owner(String name, String surname, String title, boolean active) {}

  /**
   * Conversations, the latest first (then by phone), 20 a page; {@code term} (or null) keeps the phones that
   * contain it or belong to a person whose name or surname contains it.
   */
  public Page<Conversation> conversations(String term, int page, int perPage) {
    String where = "";
    List<Object> params = new ArrayList<>();
    if (term != null && !term.isBlank()) {
      String like = Like.contains(term.trim());
      where = " WHERE s.receiver LIKE ? OR s.receiver IN (" + PERSON_PHONES
          + " AND a.owner_id IN (SELECT p.id FROM people p WHERE p.name LIKE ? OR p.surname LIKE ?))";
      params.add(like);
      params.add(like);
      params.add(like);
    }
    long total = ((Number) NativeSql.bind(tenantDb.em().createNativeQuery(
        "SELECT COUNT(DISTINCT s.receiver) FROM sms s" + where), params).getSingleResult()).longValue();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(perPage);
    pageParams.add((page - 1) * perPage);
    List<?> rows = NativeSql.bind(tenantDb.em().createNativeQuery("SELECT s.receiver, COUNT(*) FROM sms s" + where
        + " GROUP BY s.receiver ORDER BY MAX(s.created_at) DESC, s.receiver LIMIT ? OFFSET ?"), pageParams)
        .getResultList();
    List<String> phones = new ArrayList<>();
    for (Object o : rows) {
      phones.add((String) ((Object[]) o)[0]);
    }
    Map<String, Owner> owners = owners(phones);
    List<Conversation> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(new Conversation((String) r[0], ((Number) r[1]).longValue(), owners.get((String) r[0])));
    }
    return new Page<>(out, page, perPage, total);
  }

  /** The people of these phones (the first address with the phone, as MPM's {@code Sms::address}). */
  private Map<String, Owner> owners(List<String> phones) {
    Map<String, Owner> owners = new HashMap<>();
    if (phones.isEmpty()) {
      return owners;
    }
    Timestamp activeSince = Timestamp.valueOf(Timestamped.nowUtc().minusDays(PersonView.ACTIVE_DAYS));
    Query q = tenantDb.em().createNativeQuery("SELECT a.phone, a.owner_type, p.name, p.surname, p.title,"
        + " EXISTS (SELECT 1 FROM payment_histories ph WHERE ph.payer_type = 'person' AND ph.payer_id = p.id"
        + " AND ph.created_at >= ?) FROM addresses a LEFT JOIN people p ON a.owner_type = 'person'"
        + " AND p.id = a.owner_id WHERE a.phone IN (" + NativeSql.in(phones.size()) + ") ORDER BY a.id");
    q.setParameter(1, activeSince);
    NativeSql.bindIn(q, 2, phones);
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      String phone = (String) r[0];
      if (owners.containsKey(phone)) {
        continue;
      }
      owners.put(phone, Person.MORPH.equals(r[1]) && r[2] != null
          ? new Owner((String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue() == 1) : null);
    }
    return owners;
  }

  /** The messages to and from a phone, oldest first. */
  public List<Sms> byPhone(String phone) {
    return tenantDb.em().createQuery("SELECT s FROM Sms s WHERE s.receiver = :r ORDER BY s.id", Sms.class)
        .setParameter("r", phone).getResultList();
  }

  /** The messages to and from any phone of a person, oldest first; 404 for a person the company does not have. */
  public List<Sms> ofPerson(long personId) {
    if (tenantDb.em().createNativeQuery("SELECT id FROM people WHERE id = ? AND deleted_at IS NULL")
        .setParameter(1, personId).getResultList().isEmpty()) {
      throw NotFoundException.model(PersonService.MODEL, personId);
    }
    List<?> phones = tenantDb.em().createNativeQuery(PERSON_PHONES + " AND a.owner_id = ?")
        .setParameter(1, personId).getResultList();
    if (phones.isEmpty()) {
      return List.of();
    }
    return tenantDb.em().createQuery("SELECT s FROM Sms s WHERE s.receiver IN :r ORDER BY s.id", Sms.class)
        .setParameter("r", phones).getResultList();
  }

  /** A person to write to: id, name and surname, and the primary phone (or null). */
  public record Recipient(long id, String display, String phone) {}

  /** People whose primary phone, name or surname contains {@code term} (at most 50). */
  public List<Recipient> search(String term) {
    String like = Like.contains(term.trim());
    List<?> rows = tenantDb.em().createNativeQuery("SELECT p.id, p.name, p.surname, (SELECT a.phone FROM addresses a"
            + " WHERE a.owner_type = 'person' AND a.owner_id = p.id AND a.is_primary = 1 ORDER BY a.id LIMIT 1) phone"
            + " FROM people p WHERE p.deleted_at IS NULL AND (p.name LIKE ? OR p.surname LIKE ? OR EXISTS (SELECT 1"
            + " FROM addresses a WHERE a.owner_type = 'person' AND a.owner_id = p.id AND a.is_primary = 1"
            + " AND a.phone LIKE ?)) ORDER BY p.id LIMIT 50")
        .setParameter(1, like).setParameter(2, like).setParameter(3, like).getResultList();
    List<Recipient> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(new Recipient(((Number) r[0]).longValue(), r[1] + " " + r[2], (String) r[3]));
    }
    return out;
  }
}

package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import org.mpm.common.ForbiddenException;
import org.mpm.common.Like;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.customer.PersonDocument;
import org.mpm.customer.PersonDocumentService;
import org.mpm.customer.PersonService;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.tenancy.TenantDatabase;

/**
 * The customers an agent works with (MPM's AgentCustomerService): customers with an address in a village of the
 * agent's mini-grid. A customer outside it is, for the agent, one that does not exist.
 */
@Stateless
public class AgentCustomers {

  @Inject TenantDatabase tenantDb;
  @Inject PersonViews views;
  @Inject PersonDocumentService documents;

  private static final String IN_MINI_GRID = " FROM people p WHERE p.is_customer = 1 AND p.deleted_at IS NULL"
      + " AND EXISTS (SELECT 1 FROM addresses a JOIN cities c ON c.id = a.city_id WHERE a.owner_type = 'person'"
      + " AND a.owner_id = p.id AND c.mini_grid_id = ?1)";

  /** The agent's customers, newest first. */
  public Page<PersonView> list(long miniGridId, int page, int size) {
    return page(IN_MINI_GRID, List.of(miniGridId), page, size);
  }

  /** The agent's customers whose name, surname, phone or device serial contains the term, newest first. */
  public Page<PersonView> search(long miniGridId, String term, int page, int size) {
    String like = Like.contains(term == null ? "" : term.trim());
    String where = IN_MINI_GRID + " AND (p.name LIKE ?2 OR p.surname LIKE ?2"
        + " OR EXISTS (SELECT 1 FROM addresses s WHERE s.owner_type = 'person' AND s.owner_id = p.id"
        + " AND s.phone LIKE ?2) OR EXISTS (SELECT 1 FROM devices d WHERE d.person_id = p.id"
        + " AND d.device_serial LIKE ?2))";
    return page(where, List.of(miniGridId, like), page, size);
  }

  /** The agent's customer with this id; 404 (as MPM's findOrFail) when there is none in the mini-grid. */
  public PersonView find(long miniGridId, long personId) {
    if (!inMiniGrid(miniGridId, personId)) {
      throw NotFoundException.model(PersonService.MODEL, personId);
    }
    return views.show(personId);
  }

  /**
   * A document of one of the agent's customers; 404 for an unknown document, 403 (MPM's AuthorizationException) for
   * a document of anyone else.
   */
  public PersonDocument document(long miniGridId, long documentId) {
    PersonDocument d = documents.find(documentId);
    if (!inMiniGrid(miniGridId, d.getPersonId())) {
      throw new ForbiddenException(ForbiddenException.UNAUTHORIZED_ACTION);
    }
    return d;
  }

  /** Deletes a document of one of the agent's customers (403 for anyone else's). */
  public void deleteDocument(long miniGridId, long documentId) {
    document(miniGridId, documentId);
    documents.delete(documentId);
  }

  /** Whether the person is a customer with an address in the mini-grid. */
  public boolean inMiniGrid(long miniGridId, long personId) {
    return !em().createNativeQuery("SELECT p.id" + IN_MINI_GRID + " AND p.id = ?2").setParameter(1, miniGridId)
        .setParameter(2, personId).getResultList().isEmpty();
  }

  private Page<PersonView> page(String where, List<Object> params, int page, int size) {
    Query count = em().createNativeQuery("SELECT COUNT(*)" + where);
    Query ids = em().createNativeQuery("SELECT p.id" + where + " ORDER BY p.created_at DESC, p.id DESC LIMIT "
        + size + " OFFSET " + (long) (page - 1) * size);
    for (int i = 0; i < params.size(); i++) {
      count.setParameter(i + 1, params.get(i));
      ids.setParameter(i + 1, params.get(i));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    List<Long> found = ids.getResultList().stream().map(o -> ((Number) o).longValue()).toList();
    Map<Long, PersonView> byId = views.viewsById(found);
    List<PersonView> items = found.stream().map(byId::get).filter(v -> v != null).toList();
    return new Page<>(items, page, size, total);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}

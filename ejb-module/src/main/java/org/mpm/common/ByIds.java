package org.mpm.common;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Entities loaded by a list of ids in one query (one per thousand ids), as list and detail views load the rows
 * they show and the rows those point at. Ids that name no row are left out; so are repeated and null ids.
 */
public final class ByIds {

  /** Ids bound in one query at most. */
  static final int CHUNK = 1000;

  private ByIds() {}

  /** The entities of a type with these ids, keyed by id. */
  public static <T> Map<Long, T> map(EntityManager em, Class<T> type, Collection<Long> ids, Function<T, Long> id) {
    Map<Long, T> out = new HashMap<>();
    for (T row : load(em, type, ids)) {
      out.put(id.apply(row), row);
    }
    return out;
  }

  /** The entities of a type with these ids, in the order of the ids. */
  public static <T> List<T> inOrder(EntityManager em, Class<T> type, List<Long> ids, Function<T, Long> id) {
    Map<Long, T> found = map(em, type, ids, id);
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  /** The entities of a type with these ids, in no particular order. */
  public static <T> List<T> load(EntityManager em, Class<T> type, Collection<Long> ids) {
    List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
    if (distinct.isEmpty()) {
      return List.of();
    }
    String jpql = "SELECT e FROM " + em.getMetamodel().entity(type).getName() + " e WHERE e.id IN :ids";
    return chunked(distinct, part -> em.createQuery(jpql, type).setParameter("ids", part).getResultList());
  }

  /** The rows of a query over a list of ids, run for every thousand of them. */
  public static <T> List<T> chunked(List<Long> ids, Function<List<Long>, List<T>> query) {
    if (ids.size() <= CHUNK) {
      return ids.isEmpty() ? List.of() : query.apply(ids);
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      out.addAll(query.apply(ids.subList(i, Math.min(ids.size(), i + CHUNK))));
    }
    return out;
  }
}

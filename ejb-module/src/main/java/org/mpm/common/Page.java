package org.mpm.common;

import java.util.List;

/** One page of a list, with what Laravel's paginator reports. */
public record Page<T>(List<T> items, int page, int perPage, long total) {

  public int lastPage() {
    return total == 0 ? 1 : (int) ((total + perPage - 1) / perPage);
  }

  public int firstIndex() {
    return (page - 1) * perPage;
  }
}

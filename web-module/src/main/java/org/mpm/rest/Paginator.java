package org.mpm.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mpm.common.Page;

/** Laravel's LengthAwarePaginator bodies: the raw paginator and the resource-collection form. */
public final class Paginator {

  private static final int ON_EACH_SIDE = 3;

  private Paginator() {}

  /** Reads {@code page} and a size parameter, bounded to sane values. */
  public static int page(String value) {
    try {
      return Math.max(1, Integer.parseInt(value));
    } catch (RuntimeException e) {
      return 1;
    }
  }

  public static int size(String value, int fallback) {
    try {
      int n = Integer.parseInt(value);
      return n < 1 ? fallback : Math.min(n, 1000);
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  /**
   * A list MPM pages only when asked (a page size in {@code sizeField}, see {@link JsonBody#pageSize}): the whole
   * list as {@code {"data": […]}}, or the requested page as the raw paginator body. {@code json} turns the rows of
   * either into their JSON.
   */
  public static <T> Map<String, Object> allOrPage(JsonBody q, String sizeField, Supplier<List<T>> all,
      BiFunction<Integer, Integer, Page<T>> page, Function<List<T>, List<?>> json, UriInfo uri) {
    Integer size = q.pageSize(sizeField);
    if (size == null) {
      return Json.data(json.apply(all.get()));
    }
    Page<T> p = page.apply(q.page(), size);
    return raw(p, json.apply(p.items()), uri);
  }

  /** The raw paginator body ({@code current_page, data, first_page_url, …, total}). */
  public static Map<String, Object> raw(Page<?> page, List<?> data, UriInfo uri) {
    String path = path(uri);
    int last = page.lastPage();
    Integer from = data.isEmpty() ? null : page.firstIndex() + 1;
    Integer to = data.isEmpty() ? null : page.firstIndex() + data.size();
    return Json.obj(
        "current_page", page.page(),
        "data", data,
        "first_page_url", url(path, 1),
        "from", from,
        "last_page", last,
        "last_page_url", url(path, last),
        "links", links(page, path),
        "next_page_url", page.page() < last ? url(path, page.page() + 1) : null,
        "path", path,
        "per_page", page.perPage(),
        "prev_page_url", page.page() > 1 ? url(path, page.page() - 1) : null,
        "to", to,
        "total", page.total());
  }

  /** A resource collection: {@code {"data": […], "links": {…}, "meta": {…}}}. */
  public static Map<String, Object> collection(Page<?> page, List<?> data, UriInfo uri) {
    String path = path(uri);
    int last = page.lastPage();
    return Json.obj(
        "data", data,
        "links", Json.obj(
            "first", url(path, 1),
            "last", url(path, last),
            "prev", page.page() > 1 ? url(path, page.page() - 1) : null,
            "next", page.page() < last ? url(path, page.page() + 1) : null),
        "meta", Json.obj(
            "current_page", page.page(),
            "from", data.isEmpty() ? null : page.firstIndex() + 1,
            "last_page", last,
            "links", links(page, path),
            "path", path,
            "per_page", page.perPage(),
            "to", data.isEmpty() ? null : page.firstIndex() + data.size(),
            "total", page.total()));
  }

  static List<Map<String, Object>> links(Page<?> page, String path) {
    int current = page.page();
    int last = page.lastPage();
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(link(current > 1 ? url(path, current - 1) : null, "&laquo; Previous",
        current > 1 ? current - 1 : null, false));
    for (Object element : window(current, last)) {
      if (element instanceof Integer p) {
        links.add(link(url(path, p), Integer.toString(p), p, p == current));
      } else {
        links.add(link(null, "...", null, false));
      }
    }
    links.add(link(current < last ? url(path, current + 1) : null, "Next &raquo;",
        current < last ? current + 1 : null, false));
    return links;
  }

  /** Laravel's UrlWindow: page numbers with "..." gaps. */
  static List<Object> window(int current, int last) {
    List<Object> out = new ArrayList<>();
    if (last < ON_EACH_SIDE * 2 + 8) {
      range(out, 1, last);
      return out;
    }
    int window = ON_EACH_SIDE + 4;
    if (current <= window) {
      range(out, 1, window + ON_EACH_SIDE);
      out.add("...");
      range(out, last - 1, last);
    } else if (current > last - window) {
      range(out, 1, 2);
      out.add("...");
      range(out, last - (window + (ON_EACH_SIDE - 1)), last);
    } else {
      range(out, 1, 2);
      out.add("...");
      range(out, current - ON_EACH_SIDE, current + ON_EACH_SIDE);
      out.add("...");
      range(out, last - 1, last);
    }
    return out;
  }

  private static void range(List<Object> out, int from, int to) {
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
  }

  private static Map<String, Object> link(String url, String label, Integer page, boolean active) {
    return Json.obj("url", url, "label", label, "page", page, "active", active);
  }

  private static String path(UriInfo uri) {
    return uri.getAbsolutePath().toString().replaceAll("/+$", "");
  }

  private static String url(String path, int page) {
    return path + "?page=" + page;
  }
}

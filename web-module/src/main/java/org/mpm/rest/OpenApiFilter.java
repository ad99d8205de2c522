package org.mpm.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Tidies the generated OpenAPI document (configured as {@code mp.openapi.filter}) so that tools such as the Swagger
 * UI at {@code /docs/api} read it as meant:
 * <ul>
 *   <li>one entry per tag, in the order of their definitions on {@link JaxRsConfiguration}: Payara adds a tag to
 *       the document for every class that names it;</li>
 *   <li>path templates without JAX-RS patterns ({@code /api/addresses/{id: [0-9]+}} becomes
 *       {@code /api/addresses/{id}}), so that a path parameter fills its template;</li>
 *   <li>unique operation ids: Payara takes the Java method's name, and {@code list} or {@code show} of several
 *       classes would share one, which the UI takes for one operation.</li>
 * </ul>
 */
public class OpenApiFilter implements OASFilter {

  /** The names of the tags defined for the document, in their order. */
  private static final List<String> DEFINED = Arrays.stream(
      JaxRsConfiguration.class.getAnnotation(OpenAPIDefinition.class).tags()).map(t -> t.name()).toList();

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getTags() != null) {
      openApi.setTags(uniqueTags(openApi.getTags()));
    }
    Paths paths = openApi.getPaths();
    if (paths != null && paths.getPathItems() != null) {
      withoutPatterns(paths);
      uniqueOperationIds(paths);
    }
  }

  /**
   * One tag per name, in the order of their definitions on {@link JaxRsConfiguration}, then the tags a class names
   * without a definition; an entry with a description is kept over one without.
   */
  static List<Tag> uniqueTags(List<Tag> tags) {
    Map<String, Tag> byName = new LinkedHashMap<>();
    DEFINED.forEach(name -> byName.put(name, null));
    for (Tag tag : tags) {
      Tag kept = byName.get(tag.getName());
      if (kept == null || kept.getDescription() == null && tag.getDescription() != null) {
        byName.put(tag.getName(), tag);
      }
    }
    List<Tag> unique = new ArrayList<>();
    byName.values().stream().filter(Objects::nonNull).forEach(unique::add);
    return unique;
  }

  private static void withoutPatterns(Paths paths) {
    for (String path : new ArrayList<>(paths.getPathItems().keySet())) {
      String template = template(path);
      if (!template.equals(path) && !paths.hasPathItem(template)) {
        PathItem item = paths.getPathItem(path);
        paths.removePathItem(path);
        paths.addPathItem(template, item);
      }
    }
  }

  /** A JAX-RS path without the patterns of its parameters: {@code /a/{id: [0-9]{1,3}}/b} → {@code /a/{id}/b}. */
  static String template(String path) {
    StringBuilder out = new StringBuilder(path.length());
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      int depth = 0;
      int end = i;
      int colon = -1;
      for (; end < path.length(); end++) {
        char d = path.charAt(end);
        if (d == '{') {
          depth++;
        } else if (d == '}' && --depth == 0) {
          break;
        } else if (d == ':' && depth == 1 && colon < 0) {
          colon = end;
        }
      }
      if (end == path.length()) {
        out.append(path, i, end);
        break;
      }
      out.append('{').append(path.substring(i + 1, colon < 0 ? end : colon).trim()).append('}');
      i = end + 1;
    }
    return out.toString();
  }

  private static void uniqueOperationIds(Paths paths) {
    Map<String, Integer> uses = new HashMap<>();
    paths.getPathItems().values().forEach(item -> item.getOperations().values()
        .forEach(op -> uses.merge(String.valueOf(op.getOperationId()), 1, Integer::sum)));
    Set<String> taken = new HashSet<>(uses.keySet());
    paths.getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
      if (op.getOperationId() != null && uses.get(op.getOperationId()) > 1) {
        String id = op.getOperationId() + words(path);
        if (!taken.add(id)) {
          id = id + method.name().charAt(0) + method.name().substring(1).toLowerCase(Locale.ROOT);
          taken.add(id);
        }
        op.setOperationId(id);
      }
    }));
  }

  /** The words of a path after {@code /api}, capitalized: {@code /api/e-bikes/{serial}} → {@code EBikesBySerial}. */
  static String words(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : template(path).replaceFirst("^/api(/|$)", "/").split("/")) {
      if (segment.startsWith("{")) {
        out.append("By");
        segment = segment.substring(1, segment.length() - 1);
      }
      for (String word : segment.split("[^A-Za-z0-9]+")) {
        if (!word.isEmpty()) {
          out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
      }
    }
    return out.toString();
  }
}

package org.mpm.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.mpm.admin.Tenants.Tenant;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code model:show-tenant}: one entity of the tenant persistence unit and its table in one company's database —
 * the columns with their types and the fields they map to, the indexes, the relations (the entity's and the
 * database's foreign keys) and the row count.
 */
final class ModelInfo {

  private final AdminConfig config;

  ModelInfo(AdminConfig config) {
    this.config = config;
  }

  /** The entity classes of the {@code tenant} persistence unit, as persistence.xml lists them. */
  static List<Class<?>> tenantEntities() {
    ClassLoader loader = ModelInfo.class.getClassLoader();
    try (InputStream xml = loader.getResourceAsStream("META-INF/persistence.xml")) {
      if (xml == null) {
        throw new AdminException("META-INF/persistence.xml is not on the class path");
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(xml);
      NodeList units = doc.getElementsByTagNameNS("*", "persistence-unit");
      List<Class<?>> entities = new ArrayList<>();
      for (int i = 0; i < units.getLength(); i++) {
        Element unit = (Element) units.item(i);
        if (!"tenant".equals(unit.getAttribute("name"))) {
          continue;
        }
        NodeList classes = unit.getElementsByTagNameNS("*", "class");
        for (int j = 0; j < classes.getLength(); j++) {
          Class<?> type = Class.forName(classes.item(j).getTextContent().trim(), false, loader);
          if (type.isAnnotationPresent(Entity.class)) {
            entities.add(type);
          }
        }
      }
      return entities;
    } catch (IOException | ReflectiveOperationException | ParserConfigurationException | SAXException e) {
      throw new AdminException("cannot read the tenant persistence unit: " + e, 1, e);
    }
  }

  /** An entity by simple or full class name or by table name, ignoring case. */
  static Class<?> find(String model) {
    List<Class<?>> entities = tenantEntities();
    String key = model.toLowerCase(Locale.ROOT);
    for (Class<?> type : entities) {
      if (type.getSimpleName().toLowerCase(Locale.ROOT).equals(key) || type.getName().equals(model)
          || tableOf(type).toLowerCase(Locale.ROOT).equals(key)) {
        return type;
      }
    }
    List<String> names = entities.stream().map(Class::getSimpleName).sorted().toList();
    throw new AdminException("no model \"" + model + "\"; the models of a company's database: "
        + String.join(", ", names));
  }

  static String tableOf(Class<?> type) {
    Table table = type.getAnnotation(Table.class);
    return table != null && !table.name().isEmpty() ? table.name() : type.getSimpleName().toUpperCase(Locale.ROOT);
  }

  int show(String model, Tenant tenant, PrintStream out) {
    Class<?> type = find(model);
    String table = tableOf(type);
    Map<String, String> fieldOfColumn = new LinkedHashMap<>();
    List<String> relations = new ArrayList<>();
    mapFields(type, fieldOfColumn, relations);
    try (Connection c = config.open(tenant)) {
      out.println(type.getName());
      line(out, "Database", tenant.database() + " (company " + tenant.companyId() + ", " + tenant.companyName()
          + ")");
      line(out, "Table", table);
      line(out, "Rows", String.valueOf(count(c, table)));
      out.println();
      out.println("Attributes");
      columns(c, tenant.database(), table, fieldOfColumn, out);
      out.println();
      out.println("Indexes");
      indexes(c, tenant.database(), table, out);
      out.println();
      out.println("Relations");
      relations.forEach(r -> out.println("  " + r));
      if (foreignKeys(c, tenant.database(), table, out) + relations.size() == 0) {
        out.println("  (none)");
      }
      return 0;
    } catch (SQLException e) {
      throw new AdminException("cannot read table " + table + " in " + tenant.database() + ": " + e.getMessage(), 1,
          e);
    }
  }

  /** Column name to field name, and the entity's relations, from the class and its mapped superclasses. */
  private static void mapFields(Class<?> type, Map<String, String> fieldOfColumn, List<String> relations) {
    for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        Column column = f.getAnnotation(Column.class);
        JoinColumn join = f.getAnnotation(JoinColumn.class);
        String kind = relationKind(f);
        if (join != null && !join.name().isEmpty()) {
          fieldOfColumn.putIfAbsent(join.name(), f.getName());
        } else if (column != null && !column.name().isEmpty()) {
          fieldOfColumn.putIfAbsent(column.name(), f.getName());
        } else if (kind == null) {
          fieldOfColumn.putIfAbsent(f.getName(), f.getName());
        }
        if (kind != null) {
          relations.add(String.format("%-28s %-10s %s", f.getName(), kind, targetOf(f).getName()));
        }
      }
    }
  }

  private static String relationKind(Field f) {
    if (f.isAnnotationPresent(ManyToOne.class)) {
      return "ManyToOne";
    }
    if (f.isAnnotationPresent(OneToOne.class)) {
      return "OneToOne";
    }
    if (f.isAnnotationPresent(OneToMany.class)) {
      return "OneToMany";
    }
    return f.isAnnotationPresent(ManyToMany.class) ? "ManyToMany" : null;
  }

  private static Class<?> targetOf(Field f) {
    Type generic = f.getGenericType();
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return f.getType();
  }

  private static long count(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM `" + table.replace("`", "") + "`");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void columns(Connection c, String db, String table, Map<String, String> fieldOfColumn,
      PrintStream out) throws SQLException {
    String sql = "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS"
        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, db);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        int n = 0;
        while (rs.next()) {
          n++;
          StringBuilder type = new StringBuilder(rs.getString(2));
          if ("YES".equals(rs.getString(3))) {
            type.append(", nullable");
          }
          if (rs.getString(4) != null) {
            type.append(", default ").append(rs.getString(4));
          }
          if (!rs.getString(5).isEmpty()) {
            type.append(", ").append(rs.getString(5));
          }
          String field = fieldOfColumn.get(rs.getString(1));
          out.printf("  %-28s %-48s %s%n", rs.getString(1), type, field == null ? "(not mapped)" : "-> " + field);
        }
        if (n == 0) {
          throw new AdminException("table " + table + " does not exist in " + db + " (mpm-admin tenants:migrate)");
        }
      }
    }
  }

  private static void indexes(Connection c, String db, String table, PrintStream out) throws SQLException {
    String sql = "SELECT INDEX_NAME, NON_UNIQUE, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX)"
        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
        + " GROUP BY INDEX_NAME, NON_UNIQUE ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, db);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.printf("  %-48s (%s)%s%n", rs.getString(1), rs.getString(3), rs.getInt(2) == 0 ? " unique" : "");
        }
      }
    }
  }

  private static int foreignKeys(Connection c, String db, String table, PrintStream out) throws SQLException {
    String sql = "SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
        + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL"
        + " AND (TABLE_NAME = ? OR REFERENCED_TABLE_NAME = ?) ORDER BY TABLE_NAME, COLUMN_NAME";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, db);
      ps.setString(2, table);
      ps.setString(3, table);
      try (ResultSet rs = ps.executeQuery()) {
        int n = 0;
        while (rs.next()) {
          n++;
          out.printf("  foreign key %s.%s -> %s.%s%n", rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4));
        }
        return n;
      }
    }
  }

  private static void line(PrintStream out, String label, String value) {
    out.printf("%-10s %s%n", label, value);
  }
}

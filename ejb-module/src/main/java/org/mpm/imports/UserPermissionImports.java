package org.mpm.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.auth.Principal;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.user.UserService;
import org.mpm.user.UserView;

/**
 * MPM's UserPermissionImportService, in one transaction: a user is found by e-mail (name, password and roles
 * updated) or created (a password is then required); its roles are set through the user-management rules, so an
 * import grants nothing its importer could not grant on the users routes, and one refused row undoes the file.
 * Roles are the company's existing ones: a role's permissions and a user's direct permissions are not imported.
 */
@Stateless
public class UserPermissionImports {

  @Inject TenantDatabase tenantDb;
  @Inject UserService users;

  public ImportResult users(Principal actor, List<UserPermissionItem> items) {
    ImportSql sql = new ImportSql(tenantDb.connection());
    ImportResult result = new ImportResult("users");
    for (UserPermissionItem item : items) {
      Long id = sql.id("SELECT id FROM users WHERE email = ? ORDER BY id LIMIT 1", item.email());
      UserView user;
      if (id == null) {
        if (item.password() == null) {
          result.failed("email", item.email(), Map.of("password", "Password is required for new users"));
          continue;
        }
        user = users.create(actor, item.name(), item.email(), item.password(), item.roles());
      } else {
        List<String> roles = item.roles() == null || item.roles().isEmpty() ? null : item.roles();
        user = users.update(actor, id, item.name(), item.password(), roles);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", user.id());
      row.put("name", user.name());
      row.put("email", user.email());
      row.put("company_id", user.companyId());
      if (id == null) {
        result.added(row);
      } else {
        result.modified(row);
      }
    }
    return result;
  }
}

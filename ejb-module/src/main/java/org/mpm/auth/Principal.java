package org.mpm.auth;

import java.time.LocalDateTime;
import java.util.List;

/** The authenticated web user of a request, with the role and permission names MPM reports. */
public record Principal(
    long id, String name, String email, long companyId, LocalDateTime createdAt, LocalDateTime updatedAt,
    List<String> roles, List<String> permissions) {

  public boolean can(String permission) {
    return permissions.contains(permission);
  }
}

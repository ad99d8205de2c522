package org.mpm.imports;

import java.util.List;

/** One row of a user-permissions import: a user by e-mail, and the names of its roles ({@code null}: unchanged). */
public record UserPermissionItem(String name, String email, String password, List<String> roles) {}

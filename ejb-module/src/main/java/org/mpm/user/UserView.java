package org.mpm.user;

import java.time.LocalDateTime;
import java.util.List;

/** A user as the API shows it, with its role names. */
public record UserView(
    long id, String name, String email, long companyId, LocalDateTime createdAt, LocalDateTime updatedAt,
    List<String> roles) {}

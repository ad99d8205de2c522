package org.mpm.plugins.swifta;

import java.time.LocalDateTime;

/**
 * The company's Swifta token (tenant {@code swifta_authentication}) as answered: in clear only in the answer that
 * created it, masked afterwards.
 */
public record SwiftaAuthentication(long id, String token, Long expireDate, LocalDateTime createdAt,
    LocalDateTime updatedAt) {}

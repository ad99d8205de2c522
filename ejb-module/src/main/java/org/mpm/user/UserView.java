package org.mpm.user;

import java.time.LocalDateTime;
import java.util.List;
import org.mpm.customer.PersonView.AddressView;

/** A user as the API shows it, with its role names and its address (with its city; null when it has none). */
public record UserView(
    long id, String name, String email, long companyId, LocalDateTime createdAt, LocalDateTime updatedAt,
    List<String> roles, AddressView address) {

  static UserView of(User u, List<String> roles, AddressView address) {
    return new UserView(u.getId(), u.getName(), u.getEmail(), u.getCompanyId(), u.getCreatedAt(), u.getUpdatedAt(),
        roles, address);
  }
}

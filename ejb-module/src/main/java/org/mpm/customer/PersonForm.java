package org.mpm.customer;

import java.time.LocalDate;

/** The fields of {@code POST/PUT /api/people} (MPM's PersonRequest); null means "not given". */
public record PersonForm(
    String title, String education, String name, String surname, LocalDate birthDate, String gender,
    Integer isCustomer, Integer isPrimary, String customerType, Long miniGridId, Long cityId, String street,
    String email, String phone, String countryCode) {}

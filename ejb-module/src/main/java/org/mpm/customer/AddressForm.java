package org.mpm.customer;

/** The fields of an address in a request; null means "not given". */
public record AddressForm(String email, String phone, String street, Long cityId, Boolean primary) {}

package org.mpm.imports;

/** A customer row of an import (MPM's CustomerImportItem), validated; {@code devices} is a comma-separated list. */
public record CustomerItem(String name, String surname, String title, String birthDate, String gender, String email,
    String phone, String street, String city, String devices) {}

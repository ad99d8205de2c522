package org.mpm.company;

import java.util.List;

/** What {@code POST /api/companies} asks for: the company, its owner account, plugins and business type. */
public record CompanyRegistration(
    String name, String address, String phone, String email, Integer countryId,
    String ownerName, String ownerEmail, String ownerPassword,
    List<Long> pluginIds, String usageType) {}

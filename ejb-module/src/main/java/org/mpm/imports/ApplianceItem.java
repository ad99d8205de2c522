package org.mpm.imports;

/** An appliance row of an import (MPM's ApplianceImportItem), validated; {@code price} null keeps or is 0. */
public record ApplianceItem(String name, String type, Long price) {}

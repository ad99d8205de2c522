package org.mpm.imports;

/**
 * A cluster row of an import (MPM's ClusterImportItem), validated: mini-grids and villages are comma-separated
 * names; {@code importedBy} is the user who imports, the manager when {@code manager} names no user.
 */
public record ClusterItem(String name, String manager, String miniGrids, String villages, String geoJson,
    long importedBy) {}

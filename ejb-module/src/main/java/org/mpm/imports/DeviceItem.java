package org.mpm.imports;

/**
 * A device row of an import (MPM's DeviceImportItem), validated. The meter type ({@code online}, {@code phase},
 * {@code maxCurrent}) is null when the row has none; {@code geoJson} is the GeoJSON text or null.
 */
public record DeviceItem(String customer, String serial, String type, String manufacturer, Boolean online,
    Integer phase, Double maxCurrent, String connectionType, String connectionGroup, String tariff, String appliance,
    String geoJson) {}

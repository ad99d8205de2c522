-- Tenant database, map settings: MPM's single row of the web console's maps (default zoom and centre, the tile
-- provider). MPM's bingMapApiKey column was dropped in 2024 and is not created. The row MPM's migration inserts
-- is inserted only into an empty table, so an adopted MPM database keeps its own.

CREATE TABLE IF NOT EXISTS map_settings (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  zoom INT NOT NULL,
  latitude DOUBLE NOT NULL,
  longitude DOUBLE NOT NULL,
  provider VARCHAR(191) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO map_settings (zoom, latitude, longitude, created_at, updated_at)
SELECT 7, -2.500380, 32.889060, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM map_settings);

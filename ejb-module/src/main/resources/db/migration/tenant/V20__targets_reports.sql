-- Tenant database, dashboards: the period targets of mini-grids and clusters with their figures per connection
-- group, and the generated weekly and monthly village reports. MPM's tables (revenues is MPM's vestigial table).

CREATE TABLE IF NOT EXISTS targets (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  target_date DATE NOT NULL,
  type VARCHAR(191) NOT NULL,
  owner_type VARCHAR(191) NOT NULL,
  owner_id BIGINT UNSIGNED NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY targets_owner_type_owner_id_index (owner_type, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sub_targets (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  target_id INT NOT NULL,
  connection_id INT NOT NULL,
  revenue INT UNSIGNED NOT NULL DEFAULT 0,
  new_connections INT UNSIGNED NOT NULL DEFAULT 0,
  connected_power DOUBLE NOT NULL,
  energy_per_month DOUBLE NOT NULL,
  average_revenue_per_month DOUBLE NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  -- Not in MPM: a target's figures, read with every target.
  KEY sub_targets_target_id_index (target_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS reports (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  path VARCHAR(191) NOT NULL,
  type VARCHAR(191) NOT NULL,
  date VARCHAR(191) NOT NULL COMMENT 'date column is actually a stringified date_range',
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  -- Not in MPM: a village's report of a period is written once, however many nodes run the schedule.
  UNIQUE KEY reports_type_date_name_unique (type, date, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS revenues (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

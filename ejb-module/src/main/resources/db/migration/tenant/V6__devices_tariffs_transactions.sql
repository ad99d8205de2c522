-- Tenant database, devices and money: the device registry, meters, solar home systems, e-bikes, manufacturers;
-- tariffs, access rates, connection types and groups; transactions, provider transactions, tokens, payment histories.

CREATE TABLE IF NOT EXISTS devices (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id INT NULL,
  device_type VARCHAR(191) NOT NULL,
  device_id BIGINT UNSIGNED NOT NULL,
  device_serial VARCHAR(191) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  manufacturer_mapping_status VARCHAR(191) NOT NULL DEFAULT 'unknown',
  manufacturer_mapping_checked_at TIMESTAMP NULL,
  KEY devices_device_type_device_id_index (device_type, device_id),
  UNIQUE KEY devices_device_serial_unique (device_serial),
  KEY devices_device_serial_index (device_serial),
  KEY devices_person_id_index (person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS meters (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  serial_number VARCHAR(191) NOT NULL,
  meter_type_id INT NOT NULL,
  in_use TINYINT(1) NOT NULL DEFAULT 0,
  manufacturer_id INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  connection_type_id INT NOT NULL,
  connection_group_id INT NOT NULL,
  tariff_id INT NOT NULL,
  UNIQUE KEY meters_serial_number_unique (serial_number),
  -- Not in MPM: the meters of a tariff (usage count, moving all meters of a tariff to another).
  KEY meters_tariff_id_index (tariff_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS meter_types (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  online TINYINT(1) NOT NULL DEFAULT 0,
  phase INT NOT NULL DEFAULT 1,
  max_current INT NOT NULL DEFAULT 10,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS meter_consumptions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  meter_id INT NOT NULL,
  total_consumption DOUBLE NOT NULL,
  consumption DOUBLE NOT NULL DEFAULT 0,
  credit_on_meter DOUBLE NOT NULL,
  reading_date DATETIME NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS solar_home_systems (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  appliance_id INT NOT NULL,
  serial_number VARCHAR(191) NOT NULL,
  manufacturer_id INT UNSIGNED NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY solar_home_systems_serial_number_unique (serial_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS e_bikes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  serial_number VARCHAR(191) NOT NULL,
  appliance_id INT UNSIGNED NOT NULL,
  manufacturer_id INT UNSIGNED NOT NULL,
  receive_time VARCHAR(191) NULL,
  lat VARCHAR(191) NULL,
  lng VARCHAR(191) NULL,
  speed DOUBLE NULL,
  mileage DOUBLE NULL,
  status VARCHAR(191) NULL,
  soh VARCHAR(191) NULL,
  battery_level DOUBLE NULL,
  battery_voltage DOUBLE NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY e_bikes_serial_number_unique (serial_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS manufacturers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  type ENUM('meter','shs','e-bike') NOT NULL DEFAULT 'meter',
  name VARCHAR(191) NOT NULL,
  website VARCHAR(191) NULL,
  contact_person VARCHAR(191) NULL,
  api_name VARCHAR(100) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS tariffs (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  price DOUBLE NOT NULL,
  currency VARCHAR(20) NOT NULL,
  factor INT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  deleted_at TIMESTAMP NULL,
  minimum_purchase_amount DOUBLE NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS tariff_pricing_components (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  price DOUBLE NOT NULL,
  owner_type VARCHAR(191) NOT NULL,
  owner_id BIGINT UNSIGNED NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY tariff_pricing_components_owner_type_owner_id_index (owner_type, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS time_of_usages (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tariff_id INT UNSIGNED NOT NULL,
  `start` VARCHAR(191) NOT NULL,
  `end` VARCHAR(191) NOT NULL,
  value DOUBLE NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS social_tariffs (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tariff_id INT NOT NULL,
  daily_allowance INT NOT NULL,
  price DOUBLE NOT NULL,
  initial_energy_budget DOUBLE NOT NULL,
  maximum_stacked_energy INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS access_rates (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tariff_id INT NOT NULL,
  amount DOUBLE NOT NULL,
  period INT NOT NULL DEFAULT 7,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS access_rate_payments (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  meter_id INT NOT NULL,
  access_rate_id INT NOT NULL,
  due_date DATETIME NOT NULL,
  debt DOUBLE NOT NULL DEFAULT 0,
  unpaid_in_row DOUBLE NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS connection_types (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sub_connection_types (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  connection_type_id INT NOT NULL,
  tariff_id INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS connection_groups (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS transactions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  original_transaction_id INT NOT NULL,
  original_transaction_type VARCHAR(191) NOT NULL,
  amount DOUBLE NOT NULL,
  type ENUM('energy','deferred_payment','eaas_rate','down_payment','ad_hoc','unknown','imported','3rd party api sync')
    NULL DEFAULT 'unknown',
  sender VARCHAR(191) NOT NULL,
  message VARCHAR(191) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  -- Not in MPM: the transactions of a device, found by its serial in message.
  KEY transactions_message_index (message),
  -- Not in MPM: the transaction list and revenue reports, filtered and ordered by date.
  KEY transactions_created_at_index (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS transaction_conflicts (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  transaction_type VARCHAR(191) NOT NULL,
  transaction_id BIGINT UNSIGNED NOT NULL,
  state TEXT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY transaction_conflicts_transaction_type_transaction_id_index (transaction_type, transaction_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS third_party_transactions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  transaction_id VARCHAR(191) NOT NULL,
  status INT NOT NULL,
  description VARCHAR(191) NULL,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS cash_transactions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT UNSIGNED NOT NULL,
  status INT NOT NULL DEFAULT 0,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS tokens (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  transaction_id INT NOT NULL,
  token VARCHAR(191) NOT NULL,
  token_amount DOUBLE NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  device_id INT NULL,
  token_type VARCHAR(191) NOT NULL DEFAULT 'energy',
  token_unit VARCHAR(191) NULL,
  UNIQUE KEY tokens_transaction_id_unique (transaction_id),
  -- Not in MPM: the tokens of a device.
  KEY tokens_device_id_index (device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS payment_histories (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  amount DOUBLE NOT NULL,
  transaction_id INT NOT NULL,
  payment_service VARCHAR(191) NOT NULL,
  sender VARCHAR(191) NOT NULL,
  payment_type VARCHAR(191) NOT NULL,
  paid_for_type VARCHAR(191) NOT NULL,
  paid_for_id BIGINT UNSIGNED NOT NULL,
  payer_type VARCHAR(191) NOT NULL,
  payer_id BIGINT UNSIGNED NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY payment_histories_paid_for_type_paid_for_id_index (paid_for_type, paid_for_id),
  KEY payment_histories_payer_type_payer_id_index (payer_type, payer_id),
  -- Not in MPM: payments and revenue over a period (dashboards, reports, a customer's latest payment).
  KEY payment_histories_created_at_index (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Vestigial in MPM (no column besides the id and timestamps, nothing reads them); kept for the same schema.
CREATE TABLE IF NOT EXISTS payment_profiles (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS loans (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- MPM's migrations insert one default connection type, sub-connection type (its name has two spaces) and
-- connection group. Inserted only into an empty table, so an adopted MPM database keeps its own rows.
INSERT INTO connection_types (name, created_at, updated_at)
SELECT 'default connection type', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM connection_types);
INSERT INTO sub_connection_types (name, connection_type_id, tariff_id, created_at, updated_at)
SELECT 'default  sub connection type', 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM sub_connection_types);
INSERT INTO connection_groups (name, created_at, updated_at)
SELECT 'default connection group', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM connection_groups);

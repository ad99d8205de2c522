-- The Swifta payment provider's tables (MPM's 2022_06_21_090425_create_swifta_payment_provider_tables and
-- 2022_12_11 token as text), present in every company's database as MPM's plugin tables are.
CREATE TABLE IF NOT EXISTS swifta_transactions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  transaction_reference VARCHAR(191) NULL,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL,
  status INT NOT NULL DEFAULT -2,
  amount DECIMAL(8,2) NOT NULL,
  cipher VARCHAR(191) NOT NULL,
  `timestamp` VARCHAR(191) NOT NULL,
  -- not in MPM (which keeps the serial in the transactions row it writes at validation): the device a requested
  -- payment is for, until its confirmation writes the transactions row
  device_serial VARCHAR(191) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY swifta_transactions_status_index (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS swifta_authentication (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token TEXT NULL,
  expire_date INT UNSIGNED NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

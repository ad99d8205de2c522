-- The Wave Money payment provider's tables (MPM's 2022_11_21_000000_create_wave_money_payment_provider_tables,
-- 2023_10_25 manufacturer columns, 2024_12_12 meter_serial, 2025_11_10 credentials as text), present in every
-- company's database as MPM's plugin tables are. The merchant id and secret key are stored encrypted.
CREATE TABLE IF NOT EXISTS wave_money_credentials (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  merchant_id TEXT NULL,
  merchant_name TEXT NULL,
  secret_key TEXT NULL,
  callback_url TEXT NULL,
  payment_url TEXT NULL,
  result_url TEXT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS wave_money_transactions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status INT NOT NULL DEFAULT -2,
  amount DECIMAL(8,2) NOT NULL,
  order_id TEXT NOT NULL,
  reference_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  customer_id INT NOT NULL,
  meter_serial VARCHAR(191) NULL,
  external_transaction_id VARCHAR(191) NULL,
  attempts INT NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL,
  KEY wave_money_transactions_order_id_index (order_id(64))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

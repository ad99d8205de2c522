-- The SMS transaction parser's tables (MPM's 2026_03_02_145333_create_sms_parsing_rules_table and
-- 2026_03_02_145342_create_sms_transactions_table), present in every company's database as MPM's plugin tables are.
-- sms_transactions is a payment provider's table: its unique transaction_reference keeps one mobile-money
-- confirmation one payment.
CREATE TABLE IF NOT EXISTS sms_parsing_rules (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  provider_name VARCHAR(191) NOT NULL,
  template TEXT NOT NULL,
  pattern TEXT NOT NULL,
  sender_pattern VARCHAR(191) NULL,
  enabled TINYINT(1) NOT NULL DEFAULT 1,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY sms_parsing_rules_provider_name_unique (provider_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sms_transactions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  provider_name VARCHAR(191) NOT NULL,
  transaction_reference VARCHAR(191) NOT NULL,
  amount DOUBLE NOT NULL,
  sender_phone VARCHAR(191) NOT NULL,
  device_serial VARCHAR(191) NULL,
  raw_message TEXT NOT NULL,
  status INT NOT NULL DEFAULT 0,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY sms_transactions_transaction_reference_unique (transaction_reference),
  KEY sms_transactions_provider_name_index (provider_name),
  KEY sms_transactions_manufacturer_transaction_index (manufacturer_transaction_type, manufacturer_transaction_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

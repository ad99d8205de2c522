-- The Flutterwave payment provider's tables (MPM's 2026_08_07_024949_create_flutterwave_payment_provider_tables and
-- 2026_08_07_113244 webhook_secret_hash), present in every company's database as MPM's plugin tables are.
CREATE TABLE IF NOT EXISTS flutterwave_credentials (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  public_key TEXT NOT NULL,
  secret_key TEXT NOT NULL,
  encryption_key TEXT NOT NULL,
  webhook_secret_hash TEXT NULL,
  callback_url VARCHAR(255) NULL,
  merchant_name VARCHAR(191) NOT NULL DEFAULT 'Flutterwave',
  merchant_email VARCHAR(191) NULL,
  environment ENUM('test', 'live') NOT NULL DEFAULT 'test',
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY flutterwave_credentials_environment_index (environment)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS flutterwave_transactions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  amount DECIMAL(10,2) NOT NULL,
  currency VARCHAR(3) NOT NULL DEFAULT 'NGN',
  order_id VARCHAR(191) NOT NULL,
  reference_id VARCHAR(191) NOT NULL,
  status INT NOT NULL DEFAULT 0,
  external_transaction_id VARCHAR(191) NULL,
  customer_id INT NOT NULL,
  serial_id VARCHAR(191) NULL,
  device_type VARCHAR(191) NULL,
  flutterwave_reference VARCHAR(191) NULL,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL,
  payment_url TEXT NULL,
  metadata JSON NULL,
  attempts INT NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY flutterwave_transactions_order_id_unique (order_id),
  UNIQUE KEY flutterwave_transactions_reference_id_unique (reference_id),
  UNIQUE KEY flutterwave_transactions_flutterwave_reference_unique (flutterwave_reference),
  KEY flutterwave_transactions_customer_id_index (customer_id),
  KEY flutterwave_transactions_serial_id_index (serial_id),
  KEY flutterwave_transactions_device_type_index (device_type),
  KEY flutterwave_transactions_status_index (status),
  KEY flutterwave_transactions_flutterwave_reference_index (flutterwave_reference),
  KEY flutterwave_transactions_external_transaction_id_index (external_transaction_id),
  KEY flutterwave_transactions_order_id_index (order_id),
  KEY flutterwave_transactions_reference_id_index (reference_id),
  KEY flutterwave_transactions_manufacturer_transaction_index (manufacturer_transaction_type,
    manufacturer_transaction_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Flutterwave webhooks and verifications refused before a payment could be credited or refused by the pipeline:
-- a verif-hash that is not the company's, a tx_ref the company never initialised, a transaction Flutterwave does not
-- confirm as successful for that tx_ref. Mismatches of a known payment (amount, currency, device) are kept by the
-- payment pipeline as its rejected record (provider row status -1 and transaction_conflicts).
CREATE TABLE IF NOT EXISTS flutterwave_callback_refusals (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reason VARCHAR(191) NOT NULL,
  event VARCHAR(64) NULL,
  reference VARCHAR(191) NULL,
  flutterwave_id VARCHAR(64) NULL,
  body_sha256 CHAR(64) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY flutterwave_callback_refusals_reference_index (reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

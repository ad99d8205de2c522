-- The Paystack payment provider's tables (MPM's 2025_08_17_231230_create_paystack_payment_provider_tables and
-- 2025_11_12 merchant_email), present in every company's database as MPM's plugin tables are.
CREATE TABLE IF NOT EXISTS paystack_credentials (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  secret_key TEXT NOT NULL,
  public_key TEXT NOT NULL,
  callback_url VARCHAR(255) NULL,
  merchant_name VARCHAR(191) NOT NULL DEFAULT 'Paystack',
  merchant_email VARCHAR(191) NULL,
  environment ENUM('test', 'live') NOT NULL DEFAULT 'test',
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY paystack_credentials_environment_index (environment)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS paystack_transactions (
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
  paystack_reference VARCHAR(191) NULL,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL,
  payment_url TEXT NULL,
  metadata JSON NULL,
  attempts INT NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY paystack_transactions_order_id_unique (order_id),
  UNIQUE KEY paystack_transactions_reference_id_unique (reference_id),
  UNIQUE KEY paystack_transactions_paystack_reference_unique (paystack_reference),
  KEY paystack_transactions_customer_id_index (customer_id),
  KEY paystack_transactions_serial_id_index (serial_id),
  KEY paystack_transactions_device_type_index (device_type),
  KEY paystack_transactions_status_index (status),
  KEY paystack_transactions_paystack_reference_index (paystack_reference),
  KEY paystack_transactions_external_transaction_id_index (external_transaction_id),
  KEY paystack_transactions_order_id_index (order_id),
  KEY paystack_transactions_reference_id_index (reference_id),
  KEY paystack_transactions_manufacturer_transaction_index (manufacturer_transaction_type, manufacturer_transaction_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

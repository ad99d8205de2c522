-- The Wavecom payment provider's table (MPM's 2023_04_02_121811_create_wavecom_tables and 2023_10_25 manufacturer
-- columns), present in every company's database as MPM's plugin tables are. Two differences: status is signed
-- (a failed row is -1, which MPM's unsigned column cannot hold), and transaction_id is indexed, not unique: the
-- row's transaction_id is the payment's idempotency key (payment_idempotency_keys, scope wavecom), which books it
-- once, and a refused row keeps its own record.
CREATE TABLE IF NOT EXISTS wavecom_transactions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  transaction_id VARCHAR(191) NOT NULL,
  sender VARCHAR(191) NOT NULL,
  message VARCHAR(191) NOT NULL,
  amount INT UNSIGNED NOT NULL,
  status INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL,
  KEY wavecom_transactions_transaction_id_index (transaction_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The MeSomb payment provider's table (MPM's 2022_06_21_090345_create_mesomb_payment_provider_tables), present in
-- every company's database as MPM's plugin tables are. MeSomb's pk is the payment's idempotency key
-- (payment_idempotency_keys, scope mesomb); a refused notification keeps a row of its own, so pk is not unique here.
CREATE TABLE IF NOT EXISTS mesomb_transactions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  pk VARCHAR(191) NOT NULL,
  status INT NOT NULL DEFAULT 0,
  type VARCHAR(191) NOT NULL,
  amount DECIMAL(8,2) NOT NULL,
  fees DECIMAL(8,2) NULL,
  b_party VARCHAR(191) NOT NULL,
  message VARCHAR(191) NOT NULL,
  service VARCHAR(191) NOT NULL,
  reference VARCHAR(191) NULL,
  ts VARCHAR(191) NOT NULL,
  direction INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY mesomb_transactions_pk_index (pk)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

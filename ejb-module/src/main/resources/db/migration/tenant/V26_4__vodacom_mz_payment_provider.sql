-- The Vodacom M-Pesa Mozambique payment provider's tables (MPM's 2025_03_28_034944_create_vodacom_mobile_money_tables,
-- renamed 2026_03_25, 2026_06_09_000000_create_vodacom_mz_credentials, 2026_06_17 status, conversationId and
-- transactionId), present in every company's database as MPM's plugin tables are. The API key is stored encrypted.
CREATE TABLE IF NOT EXISTS vodacom_mz_credentials (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  api_key TEXT NULL,
  public_key TEXT NULL,
  service_provider_code VARCHAR(191) NULL,
  live TINYINT(1) NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS vodacom_mz_transactions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  serialNumber VARCHAR(191) NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  payerPhoneNumber VARCHAR(191) NOT NULL,
  referenceId VARCHAR(191) NOT NULL,
  status INT NOT NULL,
  conversationId VARCHAR(191) NULL,
  transactionId VARCHAR(191) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY vodacom_mobile_money_transactions_referenceid_unique (referenceId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

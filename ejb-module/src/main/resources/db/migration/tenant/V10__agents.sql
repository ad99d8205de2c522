-- Tenant database, agents: the agent-app principals, their commission plans, balance bookkeeping, appliance stock,
-- charges, receipts and the payments they initiate (MPM's tables, column for column).

CREATE TABLE IF NOT EXISTS agent_commissions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  energy_commission DOUBLE NOT NULL,
  appliance_commission DOUBLE NOT NULL,
  risk_balance DOUBLE NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS agents (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id INT UNSIGNED NOT NULL,
  mini_grid_id INT UNSIGNED NOT NULL,
  agent_commission_id INT UNSIGNED NOT NULL,
  mobile_device_id VARCHAR(191) NOT NULL,
  email VARCHAR(191) NOT NULL,
  password VARCHAR(191) NOT NULL,
  fire_base_token VARCHAR(191) NOT NULL,
  balance DOUBLE NOT NULL DEFAULT 0,
  commission_revenue DOUBLE NOT NULL DEFAULT 0,
  remember_token VARCHAR(100) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  connection VARCHAR(191) NOT NULL,
  UNIQUE KEY agents_email_unique (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS agent_transactions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id INT UNSIGNED NOT NULL,
  mobile_device_id VARCHAR(191) NOT NULL,
  status INT NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  manufacturer_transaction_type VARCHAR(191) NULL,
  manufacturer_transaction_id INT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS agent_balance_histories (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id INT UNSIGNED NOT NULL,
  trigger_type VARCHAR(191) NOT NULL,
  trigger_id BIGINT UNSIGNED NOT NULL,
  amount DOUBLE NOT NULL,
  available_balance DOUBLE NOT NULL,
  transaction_id INT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY agent_balance_histories_trigger_type_trigger_id_index (trigger_type, trigger_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS agent_assigned_appliances (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  appliance_id INT UNSIGNED NOT NULL,
  cost DECIMAL(12,4) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS agent_sold_appliances (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id INT UNSIGNED NOT NULL,
  agent_assigned_appliance_id INT UNSIGNED NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS agent_charges (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id INT NOT NULL,
  user_id INT NOT NULL,
  amount DOUBLE NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS agent_receipts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id INT NOT NULL,
  user_id INT NOT NULL,
  amount DOUBLE NOT NULL,
  last_controlled_balance_history_id INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS agent_receipt_details (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_receipt_id INT NOT NULL,
  due DOUBLE NOT NULL DEFAULT 0,
  since_last_visit DOUBLE NOT NULL DEFAULT 0,
  earlier DOUBLE NOT NULL DEFAULT 0,
  collected DOUBLE NOT NULL DEFAULT 0,
  summary DOUBLE NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  commission_credited DOUBLE NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

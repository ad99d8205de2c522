-- Tenant database, the payment pipeline.

-- MPM's appliance catalogue and installment contracts (column for column). Overdue rates of contracts without a
-- device are the first thing a payment pays.
CREATE TABLE IF NOT EXISTS appliance_types (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  paygo_enabled TINYINT(1) NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO appliance_types (id, name, paygo_enabled, created_at, updated_at) VALUES
  (1, 'Solar Home System', 1, NOW(), NOW()),
  (2, 'E-Bike', 1, NOW(), NOW()),
  (3, 'Electronics', 0, NOW(), NOW()),
  (4, 'Goods', 0, NOW(), NOW());

CREATE TABLE IF NOT EXISTS appliances (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(191) NOT NULL,
  appliance_type_id INT NOT NULL,
  price INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS appliance_people (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  appliance_id INT NOT NULL,
  person_id INT NOT NULL,
  total_cost DOUBLE NOT NULL,
  rate_count INT NOT NULL,
  creator_type VARCHAR(191) NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  down_payment DOUBLE NULL,
  first_payment_date DATE NULL,
  device_serial VARCHAR(191) NULL,
  payment_type VARCHAR(20) NOT NULL DEFAULT 'installment',
  minimum_payable_amount INT NULL,
  price_per_day INT NULL,
  deleted_at TIMESTAMP NULL,
  KEY asset_people_creator_type_creator_id_index (creator_type, creator_id),
  -- Not in MPM: a customer's contracts, read by every payment of the customer.
  KEY appliance_people_person_id_index (person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS appliance_rates (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  appliance_person_id INT NOT NULL,
  rate_cost INT NOT NULL,
  remaining INT NOT NULL,
  due_date DATETIME NOT NULL,
  remind INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  -- Not in MPM: a contract's schedule in due order.
  KEY appliance_rates_appliance_person_id_due_date_index (appliance_person_id, due_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Not in MPM: one access-rate account per meter and access rate, so two nodes creating it at once make one row;
-- and the accrual's scan of what has fallen due.
ALTER TABLE access_rate_payments
  ADD UNIQUE KEY access_rate_payments_meter_id_access_rate_id_unique (meter_id, access_rate_id),
  ADD KEY access_rate_payments_due_date_index (due_date);

-- Not in MPM: a payment's Idempotency-Key (or a provider's own reference), unique per scope (e.g. "agent:7").
-- The row is inserted first in the payment's transaction, so a concurrent replay waits on the key and then
-- finds the committed transaction; request_hash tells a replay from another payment under the same key.
CREATE TABLE IF NOT EXISTS payment_idempotency_keys (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  scope VARCHAR(64) NOT NULL,
  idempotency_key VARCHAR(191) NOT NULL,
  request_hash CHAR(64) NOT NULL,
  transaction_id INT UNSIGNED NULL,
  created_at TIMESTAMP NULL,
  UNIQUE KEY payment_idempotency_keys_scope_key_unique (scope, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Not in MPM (it uses Redis queues): the durable work of the pipeline that calls the outside world, written in
-- the transaction that makes it necessary. kind 'vend' (ref = transactions.id, amount = the money left for
-- credit after installments and access-rate debt) and kind 'sms' (ref = sms.id). Claimed with
-- SELECT … FOR UPDATE SKIP LOCKED by any node; a claim is a lease (next_attempt_at moved ahead), so the work of
-- a node that dies is taken up again. state: pending → done | failed (gave up; a transaction_conflicts row says why).
CREATE TABLE IF NOT EXISTS payment_jobs (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  ref_id BIGINT UNSIGNED NOT NULL,
  amount DECIMAL(15, 4) NULL,
  state VARCHAR(16) NOT NULL DEFAULT 'pending',
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3) NOT NULL,
  last_error TEXT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY payment_jobs_kind_ref_id_unique (kind, ref_id),
  KEY payment_jobs_state_next_attempt_at_index (state, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

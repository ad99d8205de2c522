-- Paystack callbacks refused before any payment row could be named: a signature that does not match the company's
-- secret key, or a reference the company never initialised. Refusals of a known payment (amount, currency, device)
-- are kept by the payment pipeline as its rejected record (provider row status -1 and transaction_conflicts).
CREATE TABLE IF NOT EXISTS paystack_callback_refusals (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reason VARCHAR(191) NOT NULL,
  event VARCHAR(64) NULL,
  reference VARCHAR(191) NULL,
  body_sha256 CHAR(64) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY paystack_callback_refusals_reference_index (reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

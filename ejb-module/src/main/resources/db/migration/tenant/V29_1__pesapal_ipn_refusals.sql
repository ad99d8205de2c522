-- Pesapal IPNs that credited nothing, kept with their reason: an IPN without OrderTrackingId, one naming an order the
-- company never submitted (forged or misrouted), one whose re-query failed or reported a status other than COMPLETED.
-- A COMPLETED order that does not match its row (amount, currency, merchant reference) is, besides, the payment
-- pipeline's rejected record (the row's status -1 and a transaction_conflicts row).
CREATE TABLE IF NOT EXISTS pesapal_ipn_refusals (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reason VARCHAR(191) NOT NULL,
  order_tracking_id VARCHAR(191) NULL,
  merchant_reference VARCHAR(191) NULL,
  notification_type VARCHAR(64) NULL,
  status_code INT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY pesapal_ipn_refusals_order_tracking_id_index (order_tracking_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

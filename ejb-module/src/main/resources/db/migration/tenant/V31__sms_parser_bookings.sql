-- Not in MPM: a payment the SMS transaction parser read from an incoming message, written in the transaction that
-- stores the message, so the payment cannot be lost between the message's commit and its booking. It is booked
-- through the payment pipeline right after that commit, and again by a sweep while booked_at is NULL (a booking
-- that failed, a server that stopped): next_attempt_at is both the lease of a booking under way and the time of
-- the next try. The payment itself is booked once by its reference (payment_idempotency_keys, sms_transactions).
CREATE TABLE IF NOT EXISTS sms_parser_bookings (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sms_id BIGINT UNSIGNED NOT NULL,
  provider_name VARCHAR(191) NOT NULL,
  transaction_reference VARCHAR(191) NOT NULL,
  amount VARCHAR(191) NOT NULL,
  raw_amount VARCHAR(191) NOT NULL,
  device_serial VARCHAR(191) NOT NULL,
  sender_phone VARCHAR(191) NOT NULL,
  raw_message TEXT NOT NULL,
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP NULL,
  booked_at TIMESTAMP NULL,
  outcome VARCHAR(1000) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY sms_parser_bookings_sms_id_unique (sms_id),
  KEY sms_parser_bookings_due_index (booked_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

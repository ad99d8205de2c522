-- Not in MPM (its mails leave through a Redis queue and are kept nowhere): the company's outgoing mails. A mail is
-- written in the transaction that asks for it and delivered outside any transaction, from this table: status 0
-- waits for delivery (claimed with FOR UPDATE SKIP LOCKED, next_attempt_at its lease or its retry), 1 delivered,
-- -1 given up. `body` is the mail as kept (a reset link's token left out); `payload` is the mail as sent, held only
-- until the mail is delivered or given up.
CREATE TABLE IF NOT EXISTS mails (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  receiver VARCHAR(191) NOT NULL,
  subject VARCHAR(191) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  payload MEDIUMTEXT NULL,
  mailer VARCHAR(32) NOT NULL,
  status SMALLINT NOT NULL DEFAULT 0,
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP NULL,
  error_message VARCHAR(1000) NULL,
  sent_at TIMESTAMP NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY mails_status_next_attempt_at_index (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

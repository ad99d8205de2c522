-- Not in MPM (it keeps the polling cursor and the last poll's message ids in its cache): the TextBee messages a
-- company has taken, by TextBee's own id, so that a message both delivered by the webhook and found by the poll
-- (or found by two polls) is stored and acted on once; and the poll's cursor and claim, so that one node polls a
-- company at a time and a poll starts where the last one ended.
CREATE TABLE IF NOT EXISTS textbee_received_messages (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  textbee_sms_id VARCHAR(64) NOT NULL,
  sms_id INT UNSIGNED NULL,
  received_at DATETIME(3) NULL,
  created_at TIMESTAMP NULL,
  UNIQUE KEY textbee_received_messages_textbee_sms_id_unique (textbee_sms_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS textbee_polls (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  received_after DATETIME(3) NULL,
  claimed_until TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO textbee_polls (id, received_after, claimed_until, updated_at) VALUES (1, NULL, NULL, NULL);

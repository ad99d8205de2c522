-- The SMS gateway plugins' tables (MPM's 2022_11_08_0000000_create_viber_messaging_tables,
-- 2025_02_05_134440_create_africas_talking_tables and 2025_11_19_120000_create_textbee_tables with their later
-- changes: credentials as text, TextBee's webhook_secret), present in every company's database as MPM's plugin
-- tables are. Credentials are stored encrypted. The indexes on the vendors' message ids serve their callbacks.
CREATE TABLE IF NOT EXISTS africas_talking_credentials (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  api_key TEXT NULL,
  username TEXT NULL,
  short_code TEXT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS africas_talking_messages (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sms_id INT NOT NULL,
  message_id VARCHAR(191) NOT NULL,
  status VARCHAR(191) NOT NULL,
  status_code INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY africas_talking_messages_message_id_index (message_id),
  KEY africas_talking_messages_sms_id_index (sms_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS textbee_credentials (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  api_key TEXT NULL,
  device_id TEXT NULL,
  webhook_secret TEXT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS textbee_messages (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sms_id INT NOT NULL,
  message_id VARCHAR(191) NOT NULL,
  status VARCHAR(191) NOT NULL,
  created_at_textbee VARCHAR(191) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY textbee_messages_message_id_index (message_id),
  KEY textbee_messages_sms_id_index (sms_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS viber_credentials (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  api_token TEXT NULL,
  webhook_url TEXT NULL,
  has_webhook_created TINYINT(1) NOT NULL DEFAULT 0,
  deep_link TEXT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS viber_contacts (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id INT NOT NULL,
  viber_id VARCHAR(191) NOT NULL,
  registered_meter_serial_number VARCHAR(191) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY viber_contacts_person_id_index (person_id),
  KEY viber_contacts_viber_id_index (viber_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS viber_messages (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sms_id INT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY viber_messages_sms_id_index (sms_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

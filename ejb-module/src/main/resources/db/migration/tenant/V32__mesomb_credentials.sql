-- The company's MeSomb webhook secret (MPM's MeSomb plugin keeps no credentials): one row, created empty on first
-- read, the secret stored encrypted. MeSomb signs its webhooks with it (MeSomb-Signature).
CREATE TABLE IF NOT EXISTS mesomb_credentials (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  webhook_secret TEXT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

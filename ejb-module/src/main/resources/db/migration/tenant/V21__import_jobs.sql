-- Not in MPM (which keeps them in its cache for an hour): imports run in the background, claimed from here by any
-- node (FOR UPDATE SKIP LOCKED and a lease), their status polled by the company's users.
CREATE TABLE IF NOT EXISTS import_jobs (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  job_id CHAR(36) NOT NULL,
  type VARCHAR(40) NOT NULL,
  status VARCHAR(20) NOT NULL DEFAULT 'pending',
  total INT NOT NULL,
  payload LONGTEXT NULL,
  result LONGTEXT NULL,
  error TEXT NULL,
  attempts INT NOT NULL DEFAULT 0,
  lease_until TIMESTAMP NULL,
  completed_at TIMESTAMP NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY import_jobs_job_id_unique (job_id),
  KEY import_jobs_status_lease_index (status, lease_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

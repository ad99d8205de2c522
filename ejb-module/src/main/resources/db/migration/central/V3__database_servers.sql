-- The database servers that hold companies' databases, and which server holds which company's database.
-- A company without a row in tenant_database_servers is on the central database's server ('central'), as every
-- company is in MPM; a server's row in database_servers serialises the placement of new companies.
CREATE TABLE IF NOT EXISTS database_servers (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  created_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS tenant_database_servers (
  database_name VARCHAR(64) NOT NULL PRIMARY KEY,
  server VARCHAR(64) NOT NULL,
  created_at TIMESTAMP NULL,
  KEY tenant_database_servers_server (server)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO database_servers (name, created_at) VALUES ('central', UTC_TIMESTAMP());

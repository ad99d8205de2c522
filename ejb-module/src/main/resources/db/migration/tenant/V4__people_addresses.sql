-- Tenant database, people: customers, agents' and maintenance persons, their addresses and documents.

CREATE TABLE IF NOT EXISTS people (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(50) NULL,
  education VARCHAR(90) NULL,
  name VARCHAR(60) NOT NULL,
  surname VARCHAR(60) NOT NULL,
  birth_date DATE NULL,
  gender VARCHAR(50) NULL,
  nationality INT NULL,
  is_customer INT NOT NULL DEFAULT 1,
  type ENUM('maintenance','customer','agent') NOT NULL DEFAULT 'customer',
  mini_grid_id INT NULL,
  deleted_at TIMESTAMP NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  onboarding_json JSON NULL,
  KEY people_name_index (name),
  KEY people_surname_index (surname),
  KEY people_created_at_index (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS addresses (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_type VARCHAR(191) NOT NULL,
  owner_id BIGINT UNSIGNED NOT NULL,
  email VARCHAR(191) NULL,
  phone VARCHAR(191) NULL,
  street VARCHAR(191) NULL,
  city_id INT NULL,
  is_primary INT NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY addresses_owner_type_owner_id_index (owner_type, owner_id),
  KEY addresses_phone_index (phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS person_documents (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id INT UNSIGNED NOT NULL,
  category VARCHAR(191) NOT NULL DEFAULT 'identity_record',
  type VARCHAR(191) NOT NULL,
  name VARCHAR(191) NOT NULL,
  original_name VARCHAR(191) NULL,
  mime_type VARCHAR(191) NULL,
  file_size INT UNSIGNED NULL,
  location VARCHAR(191) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

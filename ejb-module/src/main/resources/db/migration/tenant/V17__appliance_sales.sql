-- Tenant database, appliances sold on installment (the catalogue and the contract tables are in V12).

-- MPM's audit log of a sale and its rates (column for column). affected_type is MPM's FQCN of a sale
-- ('App\Models\AppliancePerson') or the alias 'appliance_rate'.
CREATE TABLE IF NOT EXISTS logs (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  affected_type VARCHAR(191) NOT NULL,
  affected_id BIGINT UNSIGNED NOT NULL,
  user_id INT NOT NULL,
  action TEXT NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  KEY logs_affected_type_affected_id_index (affected_type, affected_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Not in MPM: the sale a device is bound to, looked up when a device is sold again.
ALTER TABLE appliance_people ADD KEY appliance_people_device_serial_index (device_serial);

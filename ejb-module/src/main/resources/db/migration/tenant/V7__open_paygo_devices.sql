-- Not in MPM: the OpenPAYGO Token set-up and count of each device of the built-in demo SHS manufacturer.
-- token_count is the count of the last token generated (the factory count before the first one); it is
-- read with SELECT … FOR UPDATE and written in the transaction that inserts the token.
-- daily_price prices a day of credit until appliance plans (appliance_people) carry it.
CREATE TABLE IF NOT EXISTS open_paygo_devices (
  device_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  secret_key CHAR(32) NOT NULL,
  starting_code INT UNSIGNED NOT NULL,
  time_divider SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  restricted_digit_set TINYINT(1) NOT NULL DEFAULT 0,
  extended_token TINYINT(1) NOT NULL DEFAULT 0,
  token_count INT UNSIGNED NOT NULL,
  daily_price DECIMAL(15, 4) NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  CONSTRAINT open_paygo_devices_device_id_foreign FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

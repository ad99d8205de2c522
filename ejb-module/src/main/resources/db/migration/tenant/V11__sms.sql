-- Tenant database, SMS: messages, templates (sms_bodies) with their placeholder default values, the resend
-- keyword, the legacy Android gateway settings and the appliance reminder policy.

CREATE TABLE IF NOT EXISTS sms (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  receiver VARCHAR(191) NOT NULL,
  trigger_type VARCHAR(191) NULL,
  trigger_id INT NULL,
  body TEXT NOT NULL,
  status INT NOT NULL DEFAULT 0,
  uuid VARCHAR(50) NULL,
  sender_id INT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  direction INT NOT NULL DEFAULT 1,
  gateway_id INT NULL,
  error_message TEXT NULL,
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  KEY sms_trigger_type_trigger_id_index (trigger_type, trigger_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sms_bodies (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reference VARCHAR(50) NOT NULL,
  title VARCHAR(191) NULL,
  body VARCHAR(191) NULL,
  place_holder VARCHAR(191) NOT NULL,
  variables VARCHAR(191) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL,
  UNIQUE KEY sms_bodies_reference_unique (reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sms_variable_default_values (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  variable VARCHAR(191) NOT NULL,
  value VARCHAR(191) NOT NULL,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sms_resend_information_keys (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `key` VARCHAR(191) NOT NULL DEFAULT 'Resend',
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sms_android_settings (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  url VARCHAR(191) NOT NULL DEFAULT 'https://fcm.googleapis.com/fcm/send',
  token VARCHAR(191) NULL,
  `key` VARCHAR(191) NULL,
  callback VARCHAR(191) NOT NULL DEFAULT 'http://localhost:8000/api/sms/%s/confirm',
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sms_appliance_remind_rates (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  appliance_id INT UNSIGNED NOT NULL,
  overdue_remind_rate INT NOT NULL,
  remind_rate INT NOT NULL,
  enabled TINYINT(1) NOT NULL DEFAULT 0,
  create_ticket TINYINT(1) NOT NULL DEFAULT 0,
  created_at TIMESTAMP NULL,
  updated_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The templates every MPM tenant gets (after the Asset -> Appliance renames and with [amount] in the SHS
-- token confirmation). Inserted only into an empty table, so an adopted MPM database keeps its own texts.
INSERT INTO sms_bodies (reference, place_holder, body, variables, title, created_at, updated_at)
SELECT s.reference, s.place_holder, s.place_holder, s.variables, s.title, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM (
  SELECT 1 AS ord, 'SmsTransactionHeader' AS reference,
    'Dear [name] [surname], we received your transaction [transaction_amount].' AS place_holder,
    'name,surname,transaction_amount' AS variables, 'Sms Header' AS title
  UNION ALL SELECT 2, 'SmsReminderHeader', 'Dear [name] [surname],', 'name,surname', 'Sms Header'
  UNION ALL SELECT 3, 'SmsResendInformationHeader',
    'Dear [name] [surname], we received your resend last transaction information demand.', 'name,surname',
    'Sms Header'
  UNION ALL SELECT 4, 'EnergyConfirmation', 'Meter: [meter] , [token]  Unit [energy] .', 'meter,token,energy',
    'Meter Charge'
  UNION ALL SELECT 5, 'AccessRateConfirmation', 'Service Charge: [amount] ', 'amount', 'Tariff Fixed Cost'
  UNION ALL SELECT 6, 'ApplianceRateReminder',
    'the next rate of  [appliance_type_name] ( . [remaining] . ) is due on [due_date]',
    'appliance_type_name,remaining,due_date', 'Appliance Payment Reminder'
  UNION ALL SELECT 7, 'ApplianceRatePayment', 'Appliance:   [appliance_type_name]  [amount]',
    'appliance_type_name,amount', 'Appliance Payment'
  UNION ALL SELECT 8, 'OverdueApplianceRateReminder',
    'you forgot to pay the rate of [appliance_type_name] ( [remaining] )  on [due_date]. Please pay it as soon as possible, unless you wont be able to buy energy.',
    'appliance_type_name,remaining,due_date', 'Overdue Appliance Payment Reminder'
  UNION ALL SELECT 9, 'PricingDetails',
    'Transaction amount is [amount], \\n VAT for energy : [vat_energy] \\n VAT for the other staffs : [vat_others] . ',
    'amount,vat_energy,vat_others', 'Pricing Details'
  UNION ALL SELECT 10, 'ResendInformation', 'Meter: [meter] , [token]  Unit [energy] KWH. Service Charge: [amount]',
    'meter,token,energy,amount', 'Resend Last Transaction Information'
  UNION ALL SELECT 11, 'ResendInformationLastTransactionNotFound',
    'Last transaction information not found for Meter: [meter]', 'meter', 'Last Transaction Information Not Found'
  UNION ALL SELECT 12, 'SmsReminderFooter', 'Your Company etc.', '', 'Sms Footer'
  UNION ALL SELECT 13, 'SmsTransactionFooter', 'Your Company etc.', '', 'Sms Footer'
  UNION ALL SELECT 14, 'SmsResendInformationFooter', 'Your Company etc.', '', 'Sms Footer'
  UNION ALL SELECT 15, 'TokenConfirmationMeter',
    'Dear [name] [surname], your transaction is confirmed. Meter Serial: [meter_serial]. Token: [token], Energy: [energy] kWh.',
    'name,surname,token,energy,meter_serial', 'Meter token confirmation'
  UNION ALL SELECT 16, 'TokenConfirmationSHS',
    'Dear [name] [surname], your transaction is confirmed. Device Serial: [device_serial]. Token: [token], Duration: [duration] [unit]. Amount: [amount].',
    'name,surname,token,duration,unit,device_serial,amount', 'SHS token confirmation'
  UNION ALL SELECT 17, 'TransactionConfirmationNoToken',
    'Dear [name] [surname], your transaction of [amount] is confirmed.', 'name,surname,amount',
    'Transaction confirmation (no token)'
) s
WHERE NOT EXISTS (SELECT 1 FROM sms_bodies)
ORDER BY s.ord;

INSERT INTO sms_variable_default_values (variable, value, created_at, updated_at)
SELECT v.variable, v.value, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM (
  SELECT 1 AS ord, 'name' AS variable, 'Herbert' AS value
  UNION ALL SELECT 2, 'surname', 'Kale'
  UNION ALL SELECT 3, 'amount', '1000'
  UNION ALL SELECT 4, 'appliance_type_name', 'fridge'
  UNION ALL SELECT 5, 'remaining', '3'
  UNION ALL SELECT 6, 'due_date', '2021/04/01'
  UNION ALL SELECT 7, 'meter', '47782371232'
  UNION ALL SELECT 8, 'token', '5111 3511 9911 1177 7711'
  UNION ALL SELECT 9, 'vat_energy', '15'
  UNION ALL SELECT 10, 'vat_others', '10'
  UNION ALL SELECT 11, 'energy', '5123.1'
  UNION ALL SELECT 12, 'transaction_amount', '500'
  UNION ALL SELECT 13, 'duration', '30'
  UNION ALL SELECT 14, 'unit', 'days'
  UNION ALL SELECT 15, 'meter_serial', '47782371232'
  UNION ALL SELECT 16, 'device_serial', 'SHS-001234'
) v
WHERE NOT EXISTS (SELECT 1 FROM sms_variable_default_values)
ORDER BY v.ord;

INSERT INTO sms_resend_information_keys (`key`, created_at, updated_at)
SELECT 'Resend', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM sms_resend_information_keys);

-- Seed rows MPM's tenant migrations insert: the default main settings row, the four roles and 15 permissions.

INSERT INTO main_settings (site_title, company_name, currency, country, language, vat_energy, vat_appliance, created_at, updated_at)
SELECT 'MPM - The easiest way to manage your Mini-Grid', 'MicroPowerManager', '€', 'Germany', 'en', 1, 18, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM main_settings);

INSERT INTO permissions (name, guard_name, created_at, updated_at)
SELECT p.name, 'api', UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM (SELECT 'users' AS name UNION ALL SELECT 'users.manage-admin' UNION ALL SELECT 'users.manage-owner'
      UNION ALL SELECT 'settings' UNION ALL SELECT 'settings.api-keys' UNION ALL SELECT 'roles'
      UNION ALL SELECT 'horizon' UNION ALL SELECT 'customers' UNION ALL SELECT 'appliances'
      UNION ALL SELECT 'tickets' UNION ALL SELECT 'payments' UNION ALL SELECT 'transactions'
      UNION ALL SELECT 'reports' UNION ALL SELECT 'exports' UNION ALL SELECT 'plugins') p
WHERE NOT EXISTS (SELECT 1 FROM permissions x WHERE x.name = p.name AND x.guard_name = 'api');

INSERT INTO roles (name, guard_name, created_at, updated_at)
SELECT r.name, 'api', UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM (SELECT 'owner' AS name UNION ALL SELECT 'admin' UNION ALL SELECT 'financial-manager' UNION ALL SELECT 'user') r
WHERE NOT EXISTS (SELECT 1 FROM roles x WHERE x.name = r.name AND x.guard_name = 'api');

INSERT IGNORE INTO role_has_permissions (permission_id, role_id)
SELECT p.id, r.id FROM roles r JOIN permissions p ON p.guard_name = 'api'
WHERE r.guard_name = 'api' AND (
     r.name = 'owner'
  OR (r.name = 'admin' AND p.name <> 'users.manage-owner')
  OR (r.name = 'financial-manager' AND p.name IN ('customers','appliances','tickets','payments','transactions','reports','exports'))
  OR (r.name = 'user' AND p.name IN ('customers','appliances','tickets')));

-- Tenant database, dashboards: settled revenue per village, kind of device (meter or other), meter connection group
-- and type, and day, kept by the payment pipeline when a provider row becomes settled. Not in MPM.

CREATE TABLE IF NOT EXISTS revenue_summaries (
  city_id INT UNSIGNED NOT NULL,
  meter TINYINT NOT NULL,
  connection_group_id INT UNSIGNED NOT NULL,
  connection_type_id INT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  amount DOUBLE NOT NULL DEFAULT 0,
  payments INT NOT NULL DEFAULT 0,
  PRIMARY KEY (city_id, meter, connection_group_id, connection_type_id, day),
  KEY revenue_summaries_day_index (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO revenue_summaries (city_id, meter, connection_group_id, connection_type_id, day, amount, payments)
SELECT a.city_id, m.id IS NOT NULL, COALESCE(m.connection_group_id, 0), COALESCE(m.connection_type_id, 0),
  DATE(t.created_at), SUM(t.amount), COUNT(t.id)
FROM transactions t
JOIN devices d ON d.device_serial = t.message
LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id
JOIN people p ON p.id = d.person_id AND p.deleted_at IS NULL
JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'
  AND a2.owner_id = p.id AND a2.is_primary = 1)
WHERE t.created_at IS NOT NULL AND a.city_id IS NOT NULL AND (
  (t.original_transaction_type = 'agent_transaction' AND EXISTS (SELECT 1 FROM agent_transactions o
    WHERE o.id = t.original_transaction_id AND o.status = 1))
  OR (t.original_transaction_type = 'cash_transaction' AND EXISTS (SELECT 1 FROM cash_transactions o
    WHERE o.id = t.original_transaction_id AND o.status = 1))
  OR (t.original_transaction_type = 'third_party_transaction' AND EXISTS (SELECT 1 FROM third_party_transactions o
    WHERE o.id = t.original_transaction_id AND o.status = 1)))
GROUP BY 1, 2, 3, 4, 5;

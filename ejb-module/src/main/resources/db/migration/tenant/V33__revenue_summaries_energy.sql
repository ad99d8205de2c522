-- Tenant database, dashboards: the kWh of the energy tokens bought by the settled payments of each revenue summary
-- row, kept with the revenue by the payment pipeline, so the mini-grid dashboard's sold energy is read from the
-- summary instead of the year's tokens. Not in MPM.
--
-- A token is written only for a payment that is settled in the same transaction, and a settled provider row is not
-- unsettled afterwards, so the tokens of the transactions placed in a summary row are that row's energy.

ALTER TABLE revenue_summaries ADD COLUMN energy DOUBLE NOT NULL DEFAULT 0;

UPDATE revenue_summaries s JOIN (
  SELECT a.city_id, m.id IS NOT NULL AS meter, COALESCE(m.connection_group_id, 0) AS connection_group_id,
    COALESCE(m.connection_type_id, 0) AS connection_type_id, DATE(t.created_at) AS day,
    SUM(k.token_amount) AS energy
  FROM tokens k
  JOIN transactions t ON t.id = k.transaction_id
  JOIN devices d ON d.device_serial = t.message
  LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id
  JOIN people p ON p.id = d.person_id AND p.deleted_at IS NULL
  JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'
    AND a2.owner_id = p.id AND a2.is_primary = 1)
  WHERE k.token_type = 'energy' AND k.token_amount IS NOT NULL AND t.created_at IS NOT NULL
    AND a.city_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
) x ON x.city_id = s.city_id AND x.meter = s.meter AND x.connection_group_id = s.connection_group_id
  AND x.connection_type_id = s.connection_type_id AND x.day = s.day
SET s.energy = x.energy;

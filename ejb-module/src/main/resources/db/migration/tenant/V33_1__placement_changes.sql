-- Tenant database, dashboards: a record of every change to what the dashboards count per place (people, their
-- primary addresses, devices, meters, appliance sales, villages, mini-grids), written by triggers, so a server can
-- tell exactly whether counts it computed earlier still hold. Writers only append (no row is updated, no lock is
-- waited for); a schedule folds old rows into placement_change_totals in one transaction, so the version
-- (folded + rows) grows by one with each committed change and never otherwise. Not in MPM.

CREATE TABLE IF NOT EXISTS placement_changes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS placement_change_totals (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  folded BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO placement_change_totals (id, folded) VALUES (1, 0);

CREATE TRIGGER people_placement_insert AFTER INSERT ON people FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();
CREATE TRIGGER people_placement_update AFTER UPDATE ON people FOR EACH ROW
  INSERT INTO placement_changes (created_at) SELECT NOW() FROM DUAL
  WHERE NOT (NEW.deleted_at <=> OLD.deleted_at AND NEW.is_customer <=> OLD.is_customer);
CREATE TRIGGER people_placement_delete AFTER DELETE ON people FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();

CREATE TRIGGER addresses_placement_insert AFTER INSERT ON addresses FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();
CREATE TRIGGER addresses_placement_update AFTER UPDATE ON addresses FOR EACH ROW
  INSERT INTO placement_changes (created_at) SELECT NOW() FROM DUAL
  WHERE NOT (NEW.city_id <=> OLD.city_id AND NEW.is_primary <=> OLD.is_primary
    AND NEW.owner_type <=> OLD.owner_type AND NEW.owner_id <=> OLD.owner_id);
CREATE TRIGGER addresses_placement_delete AFTER DELETE ON addresses FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();

CREATE TRIGGER devices_placement_insert AFTER INSERT ON devices FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();
CREATE TRIGGER devices_placement_update AFTER UPDATE ON devices FOR EACH ROW
  INSERT INTO placement_changes (created_at) SELECT NOW() FROM DUAL
  WHERE NOT (NEW.person_id <=> OLD.person_id AND NEW.device_type <=> OLD.device_type
    AND NEW.device_id <=> OLD.device_id);
CREATE TRIGGER devices_placement_delete AFTER DELETE ON devices FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();

CREATE TRIGGER meters_placement_insert AFTER INSERT ON meters FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();
CREATE TRIGGER meters_placement_update AFTER UPDATE ON meters FOR EACH ROW
  INSERT INTO placement_changes (created_at) SELECT NOW() FROM DUAL
  WHERE NOT (NEW.connection_group_id <=> OLD.connection_group_id AND NEW.created_at <=> OLD.created_at);
CREATE TRIGGER meters_placement_delete AFTER DELETE ON meters FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();

CREATE TRIGGER appliance_people_placement_insert AFTER INSERT ON appliance_people FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();
CREATE TRIGGER appliance_people_placement_update AFTER UPDATE ON appliance_people FOR EACH ROW
  INSERT INTO placement_changes (created_at) SELECT NOW() FROM DUAL
  WHERE NOT (NEW.person_id <=> OLD.person_id AND NEW.deleted_at <=> OLD.deleted_at);
CREATE TRIGGER appliance_people_placement_delete AFTER DELETE ON appliance_people FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();

CREATE TRIGGER cities_placement_insert AFTER INSERT ON cities FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();
CREATE TRIGGER cities_placement_update AFTER UPDATE ON cities FOR EACH ROW
  INSERT INTO placement_changes (created_at) SELECT NOW() FROM DUAL
  WHERE NOT (NEW.mini_grid_id <=> OLD.mini_grid_id AND NEW.deleted_at <=> OLD.deleted_at);
CREATE TRIGGER cities_placement_delete AFTER DELETE ON cities FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();

CREATE TRIGGER mini_grids_placement_insert AFTER INSERT ON mini_grids FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();
CREATE TRIGGER mini_grids_placement_update AFTER UPDATE ON mini_grids FOR EACH ROW
  INSERT INTO placement_changes (created_at) SELECT NOW() FROM DUAL
  WHERE NOT (NEW.cluster_id <=> OLD.cluster_id AND NEW.deleted_at <=> OLD.deleted_at);
CREATE TRIGGER mini_grids_placement_delete AFTER DELETE ON mini_grids FOR EACH ROW
  INSERT INTO placement_changes () VALUES ();

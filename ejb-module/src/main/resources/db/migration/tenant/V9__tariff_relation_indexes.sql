-- Not in MPM: the relations of a tariff are looked up by tariff_id (the tariff list loads them for every tariff).
CREATE INDEX time_of_usages_tariff_id_index ON time_of_usages (tariff_id);
CREATE INDEX access_rates_tariff_id_index ON access_rates (tariff_id);
CREATE INDEX social_tariffs_tariff_id_index ON social_tariffs (tariff_id);

-- The villagers of a village (not in MPM's schema): the city filter of the customer list and the guard that keeps a
-- village with customers from being deleted look addresses up by city.
CREATE INDEX addresses_city_id_index ON addresses (city_id);

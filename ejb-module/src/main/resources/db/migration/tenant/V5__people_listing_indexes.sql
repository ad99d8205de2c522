-- Indexes for the customer list and search on large companies (not in MPM's schema): the list is filtered by
-- is_customer and soft delete and ordered by created_at or name; InnoDB appends the primary key, so these also
-- cover the id lookup of a page.
CREATE INDEX people_listing_created_at_index ON people (is_customer, deleted_at, created_at);
CREATE INDEX people_listing_name_index ON people (is_customer, deleted_at, name);

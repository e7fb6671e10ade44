-- A contact's name folded (accents and case) once, when it is written, instead of on every row a search reads.
-- The index the searches walk in order of recent interaction carries it with the number, so that a walk
-- reads the index alone (no table rows) to find the names that match: 0.3 µs a contact instead of 2 to 3.
-- The name indexes move to the column, which the searches now name.
ALTER TABLE contacts ADD COLUMN name_folded text GENERATED ALWAYS AS (search_fold(name)) STORED;

DROP INDEX contacts_by_recent_interaction;
CREATE INDEX contacts_recent_names ON contacts (last_interaction_at DESC NULLS LAST, id DESC)
    INCLUDE (number_id, name_folded);

DROP INDEX contacts_name_prefix;
CREATE INDEX contacts_name_prefix ON contacts (name_folded text_pattern_ops);

DROP INDEX contacts_name_search;
CREATE INDEX contacts_name_search ON contacts USING gin (name_folded gin_trgm_ops);

-- A walk reads the index alone only where the visibility map says a page's rows are visible to all, and every
-- message updates its contact: vacuum after 2 % of the contacts changed (PostgreSQL's default is 20 %).
ALTER TABLE contacts SET (autovacuum_vacuum_scale_factor = 0.02);

-- The global name search reads each tier of match newest first across all the user's numbers: for a common
-- name, walking this index finds a page of matches after a few hundred contacts, whatever the table's size.
CREATE INDEX contacts_by_recent_interaction ON contacts (last_interaction_at DESC NULLS LAST, id DESC);
-- Names that start with what was typed, exactly (the trigram index also returns every later word that does).
CREATE INDEX contacts_name_prefix ON contacts (search_fold(name) text_pattern_ops);

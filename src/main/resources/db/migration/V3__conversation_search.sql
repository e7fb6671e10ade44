-- Conversations: highlighted snippets of message search.
-- messages.content_tsv folds accents before parsing (search_fold), so a query for "joao" finds "João". To
-- highlight the match in the original, accented text, ts_headline needs a configuration that folds accents
-- itself: Portuguese with the unaccent dictionary in front of the stemmer.
CREATE TEXT SEARCH CONFIGURATION portuguese_unaccent (COPY = portuguese);
ALTER TEXT SEARCH CONFIGURATION portuguese_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, portuguese_stem;

-- Content search shows the newest matches first. For a common word the GIN index finds every match of the
-- retention period, all of which must then be sorted; reading the newest messages in order and checking
-- their tsvector stops after one page. The planner picks between the two by the word's frequency.
CREATE INDEX messages_recent ON messages (created_at DESC, id DESC);

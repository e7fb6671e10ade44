-- EXPLAIN ANALYZE of the Desk Conversations statements (issue 5), as the app sends them, for the bench
-- manager's numbers. Run by bench/run-conversations-benchmark.sh after the measurements.
\set ON_ERROR_STOP on
SELECT array_agg(m.number_id ORDER BY m.number_id) AS numbers
  FROM memberships m JOIN app_users u ON u.id = m.user_id WHERE u.email = 'bench.manager@bench.local' \gset
SELECT contact_id AS heavy FROM messages WHERE created_at >= now() - interval '90 days'
 GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1 \gset

-- The name search asks one tier of match at a time until the page is full (ContactSearch, RecentFirst): a walk
-- of the first 2,000 contacts of the numbers, read from the index alone; a longer walk when its matches promise
-- a page within 40,000; else every match through the name indexes, sorted. The page's state joins are those of
-- the phone statement below.
\echo '--- name search "maria", first tier (the name starts with it): the first walk fills the page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id
  FROM (SELECT c.id, c.name_folded, c.last_interaction_at FROM contacts c WHERE c.number_id = ANY (:'numbers')
         ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 2000) c,
       (SELECT search_fold('maria') AS term) q
 WHERE c.name_folded LIKE q.term || '%'
 ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 21;

\echo '--- name search "peçanha zanetti", first tier: nobody in the first walk, nobody among every match'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH matches AS MATERIALIZED (
    SELECT c.id, c.last_interaction_at FROM contacts c, (SELECT search_fold('peçanha zanetti') AS term) q
     WHERE c.number_id = ANY (:'numbers') AND c.name_folded LIKE q.term || '%')
SELECT c.id FROM matches c ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 21;

\echo '--- name search "peçanha zanetti", second tier (a word starts with it): the longer walk after the first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id
  FROM (SELECT c.id, c.name_folded, c.last_interaction_at FROM contacts c WHERE c.number_id = ANY (:'numbers')
         ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 40000) c,
       (SELECT search_fold('peçanha zanetti') AS term) q
 WHERE (c.name_folded LIKE q.term || '%' OR c.name_folded LIKE '% ' || q.term || '%')
 ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 21;

\echo '--- phone digits "998871" (app statement)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH hits AS (SELECT c.id, c.number_id, c.name, c.phone_e164, c.last_interaction_at, c.last_inbound_at,
                     CASE WHEN c.phone_digits = q.term THEN 0 WHEN c.phone_digits LIKE '%' || q.term THEN 1
                          WHEN c.phone_digits LIKE q.term || '%' THEN 2 ELSE 3 END AS rank
                FROM contacts c, (SELECT '998871'::text AS term) q
               WHERE c.number_id = ANY (:'numbers') AND c.phone_digits LIKE '%' || q.term || '%'
               ORDER BY rank, c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 21 OFFSET 0)
SELECT h.*, n.name AS number_name, n.time_zone, t.status AS ticket_status, t.agent_id, u.name AS agent_name
  FROM hits h JOIN business_numbers n ON n.id = h.number_id
  LEFT JOIN tickets t ON t.contact_id = h.id AND t.status <> 'CLOSED'
  LEFT JOIN app_users u ON u.id = t.agent_id
 ORDER BY h.rank, h.last_interaction_at DESC NULLS LAST, h.id DESC;

\echo '--- content "nota fiscal" (app statement)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH hits AS (SELECT m.id, m.contact_id, m.number_id, m.direction, m.created_at,
                     concat_ws(' ', m.body, m.media_caption) AS text
                FROM messages m
               WHERE m.number_id = ANY (:'numbers') AND m.created_at >= now() - interval '90 days'
                 AND m.content_tsv @@ websearch_to_tsquery('portuguese', search_fold('nota fiscal'))
               ORDER BY m.created_at DESC, m.id DESC LIMIT 21 OFFSET 0)
SELECT h.id, h.contact_id, h.direction, h.created_at, c.name AS contact_name, c.phone_e164,
       n.name AS number_name, n.time_zone,
       ts_headline('portuguese_unaccent', replace(h.text, '<', chr(1)),
                   websearch_to_tsquery('portuguese_unaccent', 'nota fiscal'),
                   'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                   || ', MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
  FROM hits h JOIN contacts c ON c.id = h.contact_id JOIN business_numbers n ON n.id = h.number_id
 ORDER BY h.created_at DESC, h.id DESC;

\echo '--- timeline first page of the heaviest contact (app statement)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.id, m.ticket_id, t.ticket_number, t.status AS ticket_status, m.direction, m.author_type,
       u.name AS author_name, m.type, m.media_file_name, m.media_caption, m.template_name, m.status,
       m.error_message, m.created_at, m.body
  FROM messages m
  LEFT JOIN tickets t ON t.id = m.ticket_id
  LEFT JOIN app_users u ON u.id = m.author_user_id
 WHERE m.contact_id = :heavy AND m.created_at >= now() - interval '90 days'
 ORDER BY m.created_at DESC, m.id DESC
 LIMIT 51;

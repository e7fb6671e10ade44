-- The history list's statements (issue 7) on the generated data, for "Bench 01": the newest page with no
-- filter, by agent, by status and reason, by contact name, by phone digits, and a page in the middle of the
-- list (keyset after half the window's tickets). Prints each plan's execution time. psql variable: window_days.
\set ON_ERROR_STOP on
\pset pager off

SELECT id AS number_id FROM business_numbers WHERE name = 'Bench 01' \gset
SELECT u.id AS agent_id FROM app_users u WHERE u.email = 'bench.agent.1.1@bench.local' \gset
SELECT id AS deep_ticket FROM tickets WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days)
 ORDER BY created_at DESC, id DESC
OFFSET (SELECT count(*) / 2 FROM tickets WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days))
 LIMIT 1 \gset

-- A page as HistoryQueries reads it: the page's tickets chosen first, then joined to contact, agent and tags.
CREATE TEMPORARY VIEW history_page_rows AS
SELECT t.id, t.ticket_number, t.status, t.close_reason, t.created_at, t.closed_at,
       c.name AS contact_name, c.phone_e164, u.name AS agent_name, tg.ids, tg.names, tg.colors
  FROM tickets t
  JOIN contacts c ON c.id = t.contact_id
  LEFT JOIN app_users u ON u.id = t.agent_id
  LEFT JOIN LATERAL (SELECT array_agg(g.id ORDER BY lower(g.name), g.id) AS ids,
                            array_agg(g.name ORDER BY lower(g.name), g.id) AS names,
                            array_agg(g.color ORDER BY lower(g.name), g.id) AS colors
                       FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id
                      WHERE tt.ticket_id = t.id) tg ON true;

\echo == tickets of Bench 01 in the window, and how many of them are the agent's
SELECT count(*) AS in_window, count(*) FILTER (WHERE agent_id = :agent_id) AS of_agent
  FROM tickets WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days);

\echo == newest page, no filter
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
WITH chosen AS (SELECT t.id FROM tickets t
                 WHERE t.number_id = :number_id AND t.created_at >= now() - make_interval(days => :window_days)
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 26)
SELECT r.* FROM chosen JOIN history_page_rows r ON r.id = chosen.id ORDER BY r.created_at DESC, r.id DESC;
\echo == count, no filter
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT count(*) FROM tickets t
 WHERE t.number_id = :number_id AND t.created_at >= now() - make_interval(days => :window_days);
\echo == by agent
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
WITH chosen AS (SELECT t.id FROM tickets t
                 WHERE t.number_id = :number_id AND t.created_at >= now() - make_interval(days => :window_days)
                   AND t.agent_id = :agent_id
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 26)
SELECT r.* FROM chosen JOIN history_page_rows r ON r.id = chosen.id ORDER BY r.created_at DESC, r.id DESC;
\echo == by status and reason (closed by customer inactivity)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
WITH chosen AS (SELECT t.id FROM tickets t
                 WHERE t.number_id = :number_id AND t.created_at >= now() - make_interval(days => :window_days)
                   AND t.status = 'CLOSED' AND t.close_reason = 'CLIENT_INACTIVITY'
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 26)
SELECT r.* FROM chosen JOIN history_page_rows r ON r.id = chosen.id ORDER BY r.created_at DESC, r.id DESC;
\echo == by contact name (accents folded)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
WITH chosen AS (SELECT t.id FROM tickets t JOIN contacts c ON c.id = t.contact_id
                 WHERE t.number_id = :number_id AND t.created_at >= now() - make_interval(days => :window_days)
                   AND c.name_folded LIKE (SELECT '%' || search_fold('joão silva') || '%')
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 26)
SELECT r.* FROM chosen JOIN history_page_rows r ON r.id = chosen.id ORDER BY r.created_at DESC, r.id DESC;
\echo == by phone digits
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
WITH chosen AS (SELECT t.id FROM tickets t JOIN contacts c ON c.id = t.contact_id
                 WHERE t.number_id = :number_id AND t.created_at >= now() - make_interval(days => :window_days)
                   AND c.phone_digits LIKE '%' || '98765' || '%'
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 26)
SELECT r.* FROM chosen JOIN history_page_rows r ON r.id = chosen.id ORDER BY r.created_at DESC, r.id DESC;
\echo == a page in the middle (keyset after half the window's tickets)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
WITH chosen AS (SELECT t.id FROM tickets t
                 WHERE t.number_id = :number_id AND t.created_at >= now() - make_interval(days => :window_days)
                   AND (t.created_at, t.id) < (SELECT k.created_at, k.id FROM tickets k WHERE k.id = :deep_ticket AND k.number_id = t.number_id)
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 26)
SELECT r.* FROM chosen JOIN history_page_rows r ON r.id = chosen.id ORDER BY r.created_at DESC, r.id DESC;

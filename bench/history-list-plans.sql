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

CREATE TEMPORARY VIEW history_rows AS
SELECT t.id, t.number_id, t.agent_id, t.status, t.close_reason, t.ticket_number, t.created_at, t.closed_at,
       c.name AS contact_name, c.phone_digits, c.phone_e164, u.name AS agent_name,
       tg.ids AS tag_ids, tg.names AS tag_names, tg.colors AS tag_colors
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
SELECT * FROM history_rows WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days)
 ORDER BY created_at DESC, id DESC LIMIT 26;
\echo == count, no filter
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT count(*) FROM tickets t JOIN contacts c ON c.id = t.contact_id
 WHERE t.number_id = :number_id AND t.created_at >= now() - make_interval(days => :window_days);
\echo == by agent
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT * FROM history_rows WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days)
   AND agent_id = :agent_id ORDER BY created_at DESC, id DESC LIMIT 26;
\echo == by status and reason (closed by customer inactivity)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT * FROM history_rows WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days)
   AND status = 'CLOSED' AND close_reason = 'CLIENT_INACTIVITY' ORDER BY created_at DESC, id DESC LIMIT 26;
\echo == by contact name (accents folded)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT * FROM history_rows WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days)
   AND search_fold(contact_name) LIKE '%' || search_fold('joão silva') || '%' ORDER BY created_at DESC, id DESC LIMIT 26;
\echo == by phone digits
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT * FROM history_rows WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days)
   AND phone_digits LIKE '%' || '98765' || '%' ORDER BY created_at DESC, id DESC LIMIT 26;
\echo == a page in the middle (keyset after half the window's tickets)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT * FROM history_rows h WHERE number_id = :number_id AND created_at >= now() - make_interval(days => :window_days)
   AND (created_at, id) < (SELECT k.created_at, k.id FROM tickets k WHERE k.id = :deep_ticket AND k.number_id = h.number_id)
 ORDER BY created_at DESC, id DESC LIMIT 26;

-- The satisfaction survey in the reports' roll-ups: with each hour's closes, the surveys sent at them and their
-- answers by score (counted on the ticket's close; see docs/metrics.md, "Satisfaction").
ALTER TABLE report_counts ADD COLUMN surveyed integer NOT NULL DEFAULT 0;
ALTER TABLE report_counts ADD COLUMN good integer NOT NULL DEFAULT 0;
ALTER TABLE report_counts ADD COLUMN ok integer NOT NULL DEFAULT 0;
ALTER TABLE report_counts ADD COLUMN bad integer NOT NULL DEFAULT 0;

-- Days rolled up before this migration: their close rows get the surveys of their tickets once.
UPDATE report_counts r
   SET surveyed = s.surveyed, good = s.good, ok = s.ok, bad = s.bad
  FROM (SELECT t.number_id, (t.closed_at AT TIME ZONE n.time_zone)::date AS day,
               extract(hour FROM t.closed_at AT TIME ZONE n.time_zone)::smallint AS hour, t.agent_id,
               count(*)::int AS surveyed,
               count(*) FILTER (WHERE t.satisfaction = 'GOOD')::int AS good,
               count(*) FILTER (WHERE t.satisfaction = 'OK')::int AS ok,
               count(*) FILTER (WHERE t.satisfaction = 'BAD')::int AS bad
          FROM tickets t
          JOIN business_numbers n ON n.id = t.number_id
         WHERE t.survey_sent_at IS NOT NULL AND t.closed_at IS NOT NULL
         GROUP BY 1, 2, 3, 4) s
 WHERE r.number_id = s.number_id AND r.day = s.day AND r.hour = s.hour
   AND r.agent_id IS NOT DISTINCT FROM s.agent_id;

-- A skipped occurrence of a scheduled message is shown to its author on the Desk until they dismiss it: the notice
-- is up while last_result says skipped and the occurrence ran after the last dismissal (scheduling module).
ALTER TABLE scheduled_messages ADD COLUMN skip_dismissed_at timestamptz;
CREATE INDEX scheduled_messages_skipped_notices ON scheduled_messages (author_id, last_run_at DESC)
    WHERE last_result LIKE 'skipped-%' AND (skip_dismissed_at IS NULL OR last_run_at > skip_dismissed_at);

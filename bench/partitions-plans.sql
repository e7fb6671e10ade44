-- EXPLAIN ANALYZE of the reads of messages partitioned by month (issue 24), on the generated data: which months
-- each statement touches (pruned ones are absent, or "never executed" when pruned at run time). Run by
-- bench/run-partitions-benchmark.sh; the statements are those of bench/partitions/*.sql
-- (their first line, :explain, is this EXPLAIN here and nothing in the benchmark's loop).
\set ON_ERROR_STOP on
\pset pager off
\i bench/partitions/variables.sql
\set explain 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)'

\echo == months of messages (partitions), their rows and size
SELECT c.relname AS partition, c.reltuples::bigint AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'messages'::regclass ORDER BY c.relname;

\echo == timeline, first page
\i bench/partitions/timeline-first-page.sql
\echo == timeline, the page before a message of a month ago
\i bench/partitions/timeline-older-page.sql
\echo == history list, newest page
\i bench/partitions/history-page.sql
\echo == content search
\i bench/partitions/content-search.sql
\echo == the messages of a ticket (PDF)
\i bench/partitions/ticket-messages.sql

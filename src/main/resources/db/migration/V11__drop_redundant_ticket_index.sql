-- tickets_history (number_id, created_at DESC, id DESC), added by V5, serves every query that
-- tickets_by_number_created (number_id, created_at DESC) served, and the keyset pages it could not:
-- one index less to write for each ticket the webhook opens.
DROP INDEX IF EXISTS tickets_by_number_created;

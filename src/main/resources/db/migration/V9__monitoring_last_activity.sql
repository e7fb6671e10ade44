-- Monitoring's "today" reads the tickets with an event today (created, first answered or closed). The latest
-- of a ticket's events is the first of these that is set: the day's tickets are one range of this index,
-- whatever the length of the history.
CREATE INDEX tickets_last_activity ON tickets (coalesce(closed_at, first_response_at, created_at));

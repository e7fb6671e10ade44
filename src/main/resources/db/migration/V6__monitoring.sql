-- Monitoring: what the dashboard's "today" figures read, prepared so that each is one aggregate over an
-- index range of the day (docs/metrics.md defines every figure).

-- Average response time: each agent reply records the start of the customer's run of messages it ends
-- (the first customer message after the previous agent reply), when that run began after the ticket's
-- first response. Finding it at read time would mean ordering a whole day of messages per ticket; here it
-- costs an agent reply two short index lookups on its own ticket's timeline.
ALTER TABLE messages ADD COLUMN customer_waiting_since timestamptz;

CREATE FUNCTION record_customer_waiting_since() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    first_response timestamptz;
    previous_reply timestamptz;
BEGIN
    SELECT first_response_at INTO first_response FROM tickets WHERE id = NEW.ticket_id;
    IF first_response IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT max(created_at) INTO previous_reply
      FROM messages
     WHERE ticket_id = NEW.ticket_id AND author_type = 'AGENT' AND created_at <= NEW.created_at;
    SELECT min(created_at) INTO NEW.customer_waiting_since
      FROM messages
     WHERE ticket_id = NEW.ticket_id AND direction = 'INBOUND'
       AND created_at >= first_response AND created_at <= NEW.created_at
       AND (previous_reply IS NULL OR created_at > previous_reply);
    RETURN NEW;
END
$$;

-- Rows of one multi-row INSERT are seen by the trigger of the rows after them (bulk loads in time order).
CREATE TRIGGER messages_customer_waiting_since BEFORE INSERT ON messages
    FOR EACH ROW WHEN (NEW.author_type = 'AGENT' AND NEW.ticket_id IS NOT NULL)
    EXECUTE FUNCTION record_customer_waiting_since();

-- The same rule, set-based, for the replies of the tickets from first_ticket_id on: what the trigger would
-- have recorded had the messages been written one by one in time order (replies already stored; bulk loads
-- that turn the trigger off, such as bench/generate-data.sql).
CREATE FUNCTION fill_customer_waiting_since(first_ticket_id bigint) RETURNS bigint
    LANGUAGE sql AS $$
    WITH ordered AS (
        SELECT m.id, m.ticket_id, m.author_type, m.direction, m.created_at, t.first_response_at,
               count(*) FILTER (WHERE m.author_type = 'AGENT')
                   OVER (PARTITION BY m.ticket_id ORDER BY m.created_at, m.id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS replies_before
          FROM messages m
          JOIN tickets t ON t.id = m.ticket_id
         WHERE t.id >= first_ticket_id AND t.first_response_at IS NOT NULL
    ), runs AS (
        SELECT ticket_id, replies_before, min(created_at) AS started
          FROM ordered
         WHERE direction = 'INBOUND' AND created_at >= first_response_at
         GROUP BY ticket_id, replies_before
    ), filled AS (
        UPDATE messages m
           SET customer_waiting_since = runs.started
          FROM ordered o
          JOIN runs ON runs.ticket_id = o.ticket_id AND runs.replies_before = o.replies_before
         WHERE m.id = o.id AND o.author_type = 'AGENT' AND runs.started <= o.created_at
        RETURNING 1
    )
    SELECT count(*) FROM filled;
$$;

SELECT fill_customer_waiting_since(0);

-- The day's agent replies that ended a customer's run, by number and time.
CREATE INDEX messages_replies_by_number ON messages (number_id, created_at) INCLUDE (customer_waiting_since)
    WHERE customer_waiting_since IS NOT NULL;

-- The day's first responses, by number and time.
CREATE INDEX tickets_by_number_first_response ON tickets (number_id, first_response_at)
    INCLUDE (assigned_at, agent_id, opened_by_active_message)
    WHERE first_response_at IS NOT NULL;

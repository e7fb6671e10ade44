-- Ticket numbers come from one sequence per business number instead of a counter column.
-- The counter row was locked by every new ticket until commit and read on every message, which made it
-- the main database cost under load (see docs/benchmarks.md). A sequence may leave a gap when a
-- transaction rolls back; numbers stay unique and increasing per business number.

CREATE FUNCTION ticket_number_sequence(number_id bigint) RETURNS regclass
    LANGUAGE sql STABLE
    RETURN format('ticket_numbers_%s', number_id)::regclass;

CREATE FUNCTION next_ticket_number(number_id bigint) RETURNS bigint
    LANGUAGE sql
    RETURN nextval(ticket_number_sequence(number_id));

-- Puts every number's sequence after its highest ticket number (after a bulk load of tickets).
CREATE FUNCTION reset_ticket_numbers() RETURNS void
    LANGUAGE sql
    BEGIN ATOMIC
        SELECT setval(ticket_number_sequence(n.id), t.highest)
          FROM business_numbers n
          JOIN (SELECT number_id, max(ticket_number) AS highest FROM tickets GROUP BY number_id) t
            ON t.number_id = n.id;
    END;

CREATE FUNCTION create_ticket_number_sequence() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE SEQUENCE ticket_numbers_%s', NEW.id);
    RETURN NEW;
END
$$;

CREATE TRIGGER business_numbers_ticket_sequence AFTER INSERT ON business_numbers
    FOR EACH ROW EXECUTE FUNCTION create_ticket_number_sequence();

DO $$
DECLARE
    number record;
BEGIN
    FOR number IN SELECT id, last_ticket_number FROM business_numbers LOOP
        EXECUTE format('CREATE SEQUENCE ticket_numbers_%s', number.id);
        IF number.last_ticket_number > 0 THEN
            PERFORM setval(format('ticket_numbers_%s', number.id), number.last_ticket_number);
        END IF;
    END LOOP;
END
$$;

ALTER TABLE business_numbers DROP COLUMN last_ticket_number;

-- Closed tickets of 50 messages each for the PDF benchmark (issue 7), on "Bench 01", one per contact of that
-- number (taken in id order), created over the last 30 days: customer and agent take turns, in Portuguese
-- with accents, every tenth message an image or a document. psql variable: tickets (how many).
\set ON_ERROR_STOP on

BEGIN;

CREATE TEMPORARY TABLE pdf_bench_tickets ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY c.id) AS k, c.id AS contact_id, c.number_id,
       (SELECT m.user_id FROM memberships m JOIN app_users u ON u.id = m.user_id
         WHERE m.number_id = c.number_id AND u.role = 'AGENT' ORDER BY u.id LIMIT 1) AS agent_id
  FROM contacts c JOIN business_numbers n ON n.id = c.number_id
 WHERE n.name = 'Bench 01'
   AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.contact_id = c.id AND t.status <> 'CLOSED')
 ORDER BY c.id
 LIMIT :tickets;

ALTER TABLE pdf_bench_tickets ADD COLUMN ticket_id bigint, ADD COLUMN opened timestamptz;
UPDATE pdf_bench_tickets SET opened = now() - make_interval(days => (k % 30)::int, mins => (k % 600)::int) - interval '2 hours';

WITH inserted AS (
    INSERT INTO tickets (number_id, contact_id, ticket_number, status, close_reason, agent_id, created_at,
                         assigned_at, first_response_at, closed_at)
    SELECT number_id, contact_id, next_ticket_number(number_id), 'CLOSED', 'ATTENDANT', agent_id, opened,
           opened + interval '10 seconds', opened + interval '1 minute', opened + interval '50 minutes'
      FROM pdf_bench_tickets ORDER BY k
    RETURNING id, contact_id)
UPDATE pdf_bench_tickets p SET ticket_id = i.id FROM inserted i WHERE i.contact_id = p.contact_id;

INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type, body,
                      media_id, media_file_name, media_mime_type, status, created_at)
SELECT p.number_id, p.contact_id, p.ticket_id,
       CASE WHEN s % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END,
       CASE WHEN s % 2 = 0 THEN 'CUSTOMER' ELSE 'AGENT' END,
       CASE WHEN s % 2 = 0 THEN NULL ELSE p.agent_id END,
       CASE WHEN s % 10 = 4 THEN 'IMAGE' WHEN s % 10 = 8 THEN 'DOCUMENT' ELSE 'TEXT' END,
       CASE WHEN s % 10 IN (4, 8) THEN NULL
            WHEN s % 2 = 0 THEN format('Olá, é sobre o pedido nº %s: ainda não recebi a confirmação de pagamento. '
                                       'Vocês conseguem verificar? Obrigado! (mensagem %s)', p.k, s)
            ELSE format('Claro! Já estou verificando a situação do seu pedido; a transação foi aprovada às %s:%s '
                        'e a nota fiscal será emitida em até 24 horas. (mensagem %s)', 9 + s % 8, lpad((s % 60)::text, 2, '0'), s) END,
       CASE WHEN s % 10 IN (4, 8) THEN 'bench-media-' || p.ticket_id || '-' || s END,
       CASE WHEN s % 10 = 4 THEN format('comprovante-%s.jpg', s) WHEN s % 10 = 8 THEN format('boleto-%s.pdf', s) END,
       CASE WHEN s % 10 = 4 THEN 'image/jpeg' WHEN s % 10 = 8 THEN 'application/pdf' END,
       CASE WHEN s % 2 = 0 THEN NULL ELSE 'READ' END,
       p.opened + make_interval(secs => 60 * s)
  FROM pdf_bench_tickets p, generate_series(0, 49) s;

SELECT string_agg(ticket_id::text, ',' ORDER BY k) FROM pdf_bench_tickets;

COMMIT;

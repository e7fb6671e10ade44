-- Large generated data for the benchmarks: business numbers, users, contacts, a history of closed tickets
-- with their messages, and optionally a busy "today". Appended to a database the app has migrated (the
-- demo data, if any, stays). Run it through bench/generate-data.sh, which sets these psql variables:
--
--   numbers          business numbers "Bench 01".."Bench NN" (phone_number_id 9000000000NN), open 24 hours
--   agents           agents per number (bench.agent.<number>.<k>@bench.local), plus bench.manager@bench.local
--                    and bench.admin@bench.local on every number; every password is "bench"
--   contacts         contacts over all numbers (contact i belongs to number i mod numbers)
--   messages         messages of the closed history tickets (10 per ticket on average)
--   history_days     how far back the history goes
--   heavy_messages   messages of one contact (the first of Bench 01) over its tickets of the last 60 days,
--                    1,000 per ticket; 0 for none
--   big_ticket       messages of one closed ticket of the second contact of Bench 01; 0 for none
--   today_tickets    tickets created today (number's day, America/Sao_Paulo) on distinct contacts: 4 % waiting,
--                    6 % with an agent (a third of them still awaiting the first response), the rest closed
--   today_messages   messages of today's tickets
--
-- Every value is a function of the row's position (hashes, no random()), so two runs with the same
-- variables give the same data. Secondary indexes of contacts, tickets and messages are dropped during
-- the load and rebuilt from their own definitions afterwards (much faster than maintaining them row by row).

\set ON_ERROR_STOP on
\timing on

BEGIN;

CREATE TEMPORARY TABLE bench_settings ON COMMIT DROP AS
SELECT :numbers::int AS numbers, :agents::int AS agents, :contacts::bigint AS contacts,
       :messages::bigint AS messages, :history_days::int AS history_days,
       :heavy_messages::int AS heavy_messages, :big_ticket::int AS big_ticket,
       :today_tickets::bigint AS today_tickets, :today_messages::bigint AS today_messages,
       now() AS generated_at,
       (date_trunc('day', now() AT TIME ZONE 'America/Sao_Paulo') AT TIME ZONE 'America/Sao_Paulo') AS today_start,
       (SELECT coalesce(max(id), 0) FROM business_numbers) AS number_base,
       (SELECT coalesce(max(id), 0) FROM app_users) AS user_base,
       (SELECT coalesce(max(id), 0) FROM contacts) AS contact_base,
       (SELECT coalesce(max(id), 0) FROM tickets) AS ticket_base,
       (SELECT coalesce(max(id), 0) FROM messages) AS message_base;

-- Id layout: contact i (0-based) = contact_base + 1 + i on number i % numbers; history ticket t (0-based) =
-- ticket_base + 1 + t on number t % numbers; then the heavy contact's tickets, the big ticket and today's.
CREATE TEMPORARY TABLE bench_layout ON COMMIT DROP AS
SELECT s.*,
       s.messages / 10 AS history_tickets,
       greatest(1, s.heavy_messages / 1000) * (s.heavy_messages > 0)::int AS heavy_tickets,
       s.contacts / s.numbers AS contacts_per_number
  FROM bench_settings s;

-- Numbers, users, memberships ------------------------------------------------------------------------

INSERT INTO business_numbers (id, name, display_phone, phone_number_id, time_zone, always_open, created_at)
SELECT l.number_base + n, format('Bench %s', lpad(n::text, 2, '0')), format('+55 11 4000-%s', lpad(n::text, 4, '0')),
       '9000000000' || lpad(n::text, 2, '0'), 'America/Sao_Paulo', true, l.generated_at - make_interval(days => l.history_days + 1)
  FROM bench_layout l, generate_series(1, l.numbers) n;

INSERT INTO app_users (id, name, email, password_hash, role, status, ticket_slots, created_at)
SELECT l.user_base + (n - 1) * l.agents + k, format('Agente %s.%s', n, k), format('bench.agent.%s.%s@bench.local', n, k),
       '{bcrypt}$2a$10$apikeZON9ks.5aUfLmWbjOzyFI6PUCZksdDFPfOSxO0pwMTu8zGN.', 'AGENT',
       CASE WHEN k % 4 = 0 THEN 'BREAK' ELSE 'ONLINE' END, 100, l.generated_at - interval '400 days'
  FROM bench_layout l, generate_series(1, l.numbers) n, generate_series(1, l.agents) k;

INSERT INTO app_users (id, name, email, password_hash, role, status, created_at)
SELECT l.user_base + l.numbers * l.agents + r.ordinal, r.name, r.email,
       '{bcrypt}$2a$10$apikeZON9ks.5aUfLmWbjOzyFI6PUCZksdDFPfOSxO0pwMTu8zGN.', r.role, 'OFFLINE', l.generated_at
  FROM bench_layout l,
       (VALUES (1, 'Gerente Bench', 'bench.manager@bench.local', 'MANAGER'),
               (2, 'Admin Bench', 'bench.admin@bench.local', 'ADMIN')) r(ordinal, name, email, role);

INSERT INTO memberships (user_id, number_id)
SELECT l.user_base + (n - 1) * l.agents + k, l.number_base + n
  FROM bench_layout l, generate_series(1, l.numbers) n, generate_series(1, l.agents) k
UNION ALL
SELECT l.user_base + l.numbers * l.agents + r, l.number_base + n
  FROM bench_layout l, generate_series(1, l.numbers) n, generate_series(1, 2) r;

-- Contacts ------------------------------------------------------------------------------------------

CREATE TEMPORARY TABLE bench_saved_indexes ON COMMIT DROP AS
SELECT i.indexname, i.indexdef
  FROM pg_indexes i
 WHERE i.schemaname = 'public' AND i.tablename IN ('contacts', 'tickets', 'messages')
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);

DO $$
DECLARE
    saved record;
BEGIN
    FOR saved IN SELECT indexname FROM bench_saved_indexes LOOP
        EXECUTE format('DROP INDEX %I', saved.indexname);
    END LOOP;
END
$$;

INSERT INTO contacts (id, number_id, wa_id, name, phone_e164, phone_digits, email, city, document, created_at,
                      last_interaction_at, last_inbound_at)
SELECT l.contact_base + 1 + i, l.number_base + 1 + i % l.numbers, p.digits,
       CASE WHEN h % 20 = 0 THEN NULL
            ELSE (ARRAY['João', 'Maria', 'José', 'Ana', 'Antônio', 'Francisca', 'Conceição', 'Luís', 'Márcia',
                        'Sebastião', 'Lúcia', 'Raimundo', 'Fernanda', 'Paulo', 'Cláudia', 'Gonçalo', 'Letícia',
                        'Vinícius', 'Patrícia', 'Rogério'])[1 + h % 20]
                 || ' ' || (ARRAY['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Gonçalves',
                                  'Araújo', 'Ribeiro', 'Magalhães', 'Conceição', 'Simões', 'Fagundes', 'Assunção',
                                  'Brandão', 'Falcão', 'Guimarães', 'Peçanha', 'Romão', 'Caetano'])[1 + (h / 20) % 20]
                 || ' ' || (ARRAY['Alves', 'Barbosa', 'Cardoso', 'Dias', 'Esteves', 'Freitas', 'Garcia', 'Henriques',
                                  'Lopes', 'Macedo', 'Nogueira', 'Prado', 'Queiroz', 'Rezende', 'Teixeira', 'Vieira',
                                  'Xavier', 'Zanetti', 'Moraes', 'Tavares'])[1 + (h / 400) % 20]
                 || CASE WHEN h % 7 = 0 THEN ' ' || (1000 + h % 9000)::text ELSE '' END
       END,
       '+' || p.digits, p.digits,
       CASE WHEN h % 3 = 0 THEN format('cliente%s@exemplo.com.br', i) END,
       CASE WHEN h % 2 = 0 THEN (ARRAY['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba', 'Porto Alegre',
                                       'Salvador', 'Recife', 'Fortaleza', 'Goiânia', 'Belém'])[1 + (h / 8000) % 10] END,
       CASE WHEN h % 4 = 0 THEN lpad((h % 100000000000)::text, 11, '0') END,
       l.generated_at - make_interval(days => l.history_days) + make_interval(secs => h % (l.history_days * 43200)),
       l.generated_at - make_interval(secs => h % (l.history_days * 86400)),
       l.generated_at - make_interval(secs => h % (l.history_days * 86400))
  FROM bench_layout l,
       generate_series(0, l.contacts - 1) i,
       LATERAL (SELECT abs(hashint8(i)::bigint) AS h) hash,
       LATERAL (SELECT '55' || (11 + i % 89)::text || '9' || lpad((i % 100000000)::text, 8, '0')
                       || CASE WHEN i >= 100000000 THEN (i / 100000000)::text ELSE '' END AS digits) p;

-- Tickets -------------------------------------------------------------------------------------------

-- History: closed tickets spread over the history, each on a contact of its number.
INSERT INTO tickets (id, number_id, contact_id, ticket_number, status, close_reason, agent_id, created_at,
                     assigned_at, first_response_at, closed_at, last_customer_message_at)
SELECT l.ticket_base + 1 + t, l.number_base + 1 + t % l.numbers,
       l.contact_base + 1 + (h % l.contacts_per_number) * l.numbers + t % l.numbers,
       1 + t / l.numbers, 'CLOSED',
       (ARRAY['ATTENDANT', 'ATTENDANT', 'ATTENDANT', 'CLIENT', 'CLIENT_INACTIVITY', 'ABANDONED', 'LOST'])[1 + h % 7],
       CASE WHEN h % 7 < 5 THEN l.user_base + (t % l.numbers) * l.agents + 1 + h % l.agents END,
       c.created_at,
       CASE WHEN h % 7 < 5 THEN c.created_at + make_interval(secs => 10 + h % 300) END,
       CASE WHEN h % 7 < 5 THEN c.created_at + make_interval(secs => 30 + h % 900) END,
       c.created_at + make_interval(secs => 600 + h % 7200),
       c.created_at + make_interval(secs => 300 + h % 3600)
  FROM bench_layout l,
       generate_series(0, l.history_tickets - 1) t,
       LATERAL (SELECT abs(hashint8(t)::bigint) AS h) hash,
       LATERAL (SELECT l.generated_at - make_interval(days => 1) - make_interval(secs => h % ((l.history_days - 1) * 86400))
                       AS created_at) c;

-- The heavy contact (the first contact of Bench 01): tickets of 1,000 messages over the last 60 days.
INSERT INTO tickets (id, number_id, contact_id, ticket_number, status, close_reason, agent_id, created_at,
                     assigned_at, first_response_at, closed_at, last_customer_message_at)
SELECT l.ticket_base + l.history_tickets + 1 + k, l.number_base + 1, l.contact_base + 1,
       l.history_tickets / l.numbers + 2 + k, 'CLOSED', 'ATTENDANT', l.user_base + 1,
       l.generated_at - make_interval(days => 60) + k * make_interval(days => 59) / l.heavy_tickets,
       l.generated_at - make_interval(days => 60) + k * make_interval(days => 59) / l.heavy_tickets + interval '10 seconds',
       l.generated_at - make_interval(days => 60) + k * make_interval(days => 59) / l.heavy_tickets + interval '40 seconds',
       l.generated_at - make_interval(days => 60) + k * make_interval(days => 59) / l.heavy_tickets + interval '20 hours',
       l.generated_at - make_interval(days => 60) + k * make_interval(days => 59) / l.heavy_tickets + interval '19 hours'
  FROM bench_layout l, generate_series(0, l.heavy_tickets - 1) k;

-- The big ticket: one closed ticket of the second contact of Bench 01, yesterday.
INSERT INTO tickets (id, number_id, contact_id, ticket_number, status, close_reason, agent_id, created_at,
                     assigned_at, first_response_at, closed_at, last_customer_message_at)
SELECT l.ticket_base + l.history_tickets + l.heavy_tickets + 1, l.number_base + 1, l.contact_base + 1 + l.numbers,
       l.history_tickets / l.numbers + 2 + l.heavy_tickets, 'CLOSED', 'ATTENDANT', l.user_base + 1,
       l.today_start - interval '20 hours', l.today_start - interval '20 hours' + interval '5 seconds',
       l.today_start - interval '20 hours' + interval '30 seconds', l.today_start - interval '1 hour',
       l.today_start - interval '1 hour 5 minutes'
  FROM bench_layout l
 WHERE l.big_ticket > 0;

-- Today: on distinct contacts (from the third of each number on), so that unclosed tickets never share one.
INSERT INTO tickets (id, number_id, contact_id, ticket_number, status, close_reason, agent_id, created_at,
                     assigned_at, first_response_at, closed_at, last_customer_message_at)
SELECT l.ticket_base + l.history_tickets + l.heavy_tickets + 2 + t, l.number_base + 1 + t % l.numbers,
       l.contact_base + 1 + (2 + t / l.numbers) * l.numbers + t % l.numbers,
       l.history_tickets / l.numbers + l.heavy_tickets + 3 + t / l.numbers,
       v.status,
       CASE WHEN v.status = 'CLOSED'
            THEN (ARRAY['ATTENDANT', 'ATTENDANT', 'ATTENDANT', 'CLIENT', 'CLIENT_INACTIVITY', 'ABANDONED', 'LOST'])[1 + h % 7] END,
       CASE WHEN v.status IN ('ASSIGNED', 'OPEN') OR (v.status = 'CLOSED' AND h % 7 < 5)
            THEN l.user_base + (t % l.numbers) * l.agents + 1 + h % l.agents END,
       c.created_at,
       CASE WHEN v.status IN ('ASSIGNED', 'OPEN') OR (v.status = 'CLOSED' AND h % 7 < 5)
            THEN c.created_at + make_interval(secs => 5 + h % 120) END,
       CASE WHEN v.status = 'OPEN' OR (v.status = 'CLOSED' AND h % 7 < 5)
            THEN c.created_at + make_interval(secs => 20 + h % 600) END,
       CASE WHEN v.status = 'CLOSED' THEN least(l.generated_at, c.created_at + make_interval(secs => 300 + h % 3600)) END,
       c.created_at + make_interval(secs => h % 60)
  FROM bench_layout l,
       generate_series(0, l.today_tickets - 1) t,
       LATERAL (SELECT abs(hashint8(t + 7919)::bigint) AS h) hash,
       LATERAL (SELECT l.today_start + (l.generated_at - l.today_start) * ((h % 1000000) / 1000000.0)::float8 AS created_at) c,
       LATERAL (SELECT CASE WHEN t % 50 < 2 THEN 'WAITING'
                            WHEN t % 50 < 3 THEN 'ASSIGNED'
                            WHEN t % 50 < 5 THEN 'OPEN'
                            ELSE 'CLOSED' END AS status) v
 WHERE l.today_tickets <= l.contacts - 2 * l.numbers;

-- Messages ------------------------------------------------------------------------------------------

-- Customer and agent lines, alternating; some carry an order number so that content searches vary in
-- selectivity. Message m of a set of T tickets belongs to ticket m % T, the (m / T)-th of that ticket.
CREATE TEMPORARY TABLE bench_phrases ON COMMIT DROP AS
SELECT ordinal, text FROM (VALUES
    (1, 'Olá, bom dia! Gostaria de saber o preço do produto'),
    (2, 'Bom dia! Claro, o preço à vista é R$ 129,90 com frete grátis'),
    (3, 'Meu pedido ainda não chegou, podem verificar?'),
    (4, 'Vou verificar o rastreamento do seu pedido agora mesmo'),
    (5, 'Qual o horário de funcionamento da loja no sábado?'),
    (6, 'Aos sábados atendemos das 9h às 13h'),
    (7, 'Quero trocar o tamanho da camiseta, ficou pequena'),
    (8, 'A troca é gratuita em até 30 dias, vou gerar a etiqueta'),
    (9, 'Vocês aceitam pagamento por Pix ou cartão de crédito?'),
    (10, 'Aceitamos Pix, boleto e cartão em até 6 vezes sem juros'),
    (11, 'A nota fiscal veio com o endereço errado'),
    (12, 'Peço desculpas, vou emitir uma nova nota fiscal com a correção'),
    (13, 'Obrigado pela atenção, resolvido!'),
    (14, 'Nós que agradecemos, conte sempre conosco'),
    (15, 'O aplicativo não deixa finalizar a compra, aparece erro'),
    (16, 'Pode me enviar um print da tela do erro, por favor?')
) p(ordinal, text);

CREATE TEMPORARY TABLE bench_ticket_sets ON COMMIT DROP AS
SELECT 'history' AS name, l.ticket_base + 1 AS first_ticket, l.history_tickets AS tickets, l.messages AS messages,
       l.message_base AS first_message_base
  FROM bench_layout l
UNION ALL
SELECT 'heavy', l.ticket_base + l.history_tickets + 1, l.heavy_tickets, l.heavy_messages::bigint,
       l.message_base + l.messages
  FROM bench_layout l WHERE l.heavy_tickets > 0
UNION ALL
SELECT 'big', l.ticket_base + l.history_tickets + l.heavy_tickets + 1, 1, l.big_ticket::bigint,
       l.message_base + l.messages + l.heavy_messages
  FROM bench_layout l WHERE l.big_ticket > 0
UNION ALL
SELECT 'today', l.ticket_base + l.history_tickets + l.heavy_tickets + 2, l.today_tickets, l.today_messages,
       l.message_base + l.messages + l.heavy_messages + l.big_ticket
  FROM bench_layout l WHERE l.today_tickets > 0 AND l.today_tickets <= l.contacts - 2 * l.numbers;

-- The monitoring trigger (V6) looks up each agent reply's ticket timeline, whose index is dropped during
-- the load: it is off here, and the same values are filled set-based after the indexes are rebuilt.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'messages_customer_waiting_since') THEN
        ALTER TABLE messages DISABLE TRIGGER messages_customer_waiting_since;
    END IF;
END
$$;

-- Messages partitioned by month (V21): the months of the generated range exist before the load, and the wamids'
-- table (idempotency) is filled set-based afterwards instead of by the trigger row by row.
DO $$
BEGIN
    IF to_regproc('create_message_partitions') IS NOT NULL THEN
        PERFORM create_message_partitions(l.generated_at - make_interval(days => l.history_days + 1),
                                          l.generated_at + interval '3 months')
           FROM bench_layout l;
        ALTER TABLE messages DISABLE TRIGGER messages_claim_wamid;
    END IF;
END
$$;

INSERT INTO messages (id, number_id, contact_id, ticket_id, direction, author_type, author_user_id, type, body,
                      wamid, status, created_at, sent_at, delivered_at, read_at)
SELECT s.first_message_base + 1 + m, t.number_id, t.contact_id, t.id,
       CASE WHEN d.inbound THEN 'INBOUND' ELSE 'OUTBOUND' END,
       CASE WHEN d.inbound THEN 'CUSTOMER' ELSE 'AGENT' END,
       CASE WHEN d.inbound THEN NULL ELSE coalesce(t.agent_id, l.user_base + (t.number_id - l.number_base - 1) * l.agents + 1) END,
       'TEXT',
       p.text || CASE WHEN m % 11 = 0 THEN format(' (pedido %s)', 100000 + m % 900000) ELSE '' END,
       format('wamid.bench.%s', s.first_message_base + 1 + m),
       CASE WHEN d.inbound THEN NULL ELSE 'READ' END,
       at.created_at,
       CASE WHEN d.inbound THEN NULL ELSE at.created_at + interval '1 second' END,
       CASE WHEN d.inbound THEN NULL ELSE at.created_at + interval '3 seconds' END,
       CASE WHEN d.inbound THEN NULL ELSE at.created_at + interval '30 seconds' END
  FROM bench_layout l
  JOIN bench_ticket_sets s ON s.tickets > 0
 CROSS JOIN LATERAL generate_series(0, s.messages - 1) m
  JOIN tickets t ON t.id = s.first_ticket + m % s.tickets
 CROSS JOIN LATERAL (SELECT (m / s.tickets) % 2 = 0 OR t.first_response_at IS NULL AS inbound) d
  JOIN bench_phrases p ON p.ordinal = 1 + 2 * ((abs(hashint8(t.id)::bigint) + m / s.tickets / 2) % 8) + (NOT d.inbound)::int
 CROSS JOIN LATERAL (SELECT least(coalesce(t.closed_at, l.generated_at),
                                  t.created_at + (m / s.tickets) * least(interval '20 seconds',
                                      (coalesce(t.closed_at, l.generated_at) - t.created_at) / (s.messages / s.tickets + 1)))
                            AS created_at) at;

-- Afterwards -----------------------------------------------------------------------------------------

DO $$
DECLARE
    saved record;
BEGIN
    -- pg_indexes gives a partitioned table's index as "ON ONLY", which would build no month's index
    FOR saved IN SELECT replace(indexdef, ' ON ONLY ', ' ON ') AS indexdef FROM bench_saved_indexes LOOP
        EXECUTE saved.indexdef;
    END LOOP;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'messages_customer_waiting_since') THEN
        ALTER TABLE messages ENABLE TRIGGER messages_customer_waiting_since;
        PERFORM fill_customer_waiting_since((SELECT ticket_base + 1 FROM bench_layout));
    END IF;
END
$$;

DO $$
BEGIN
    IF to_regproc('create_message_partitions') IS NOT NULL THEN
        ALTER TABLE messages ENABLE TRIGGER messages_claim_wamid;
        INSERT INTO message_wamids (number_id, wamid, message_id, created_at)
        SELECT m.number_id, m.wamid, m.id, m.created_at
          FROM messages m, bench_layout l
         WHERE m.id > l.message_base AND m.wamid IS NOT NULL;
    END IF;
END
$$;

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['business_numbers', 'app_users', 'contacts', 'tickets', 'messages'] LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), (SELECT max(id) FROM %I))', name, name);
    END LOOP;
    PERFORM reset_ticket_numbers();
END
$$;

COMMIT;

ANALYZE business_numbers;
ANALYZE app_users;
ANALYZE memberships;
ANALYZE contacts;
ANALYZE tickets;
ANALYZE messages;
DO $$
BEGIN
    IF to_regclass('message_wamids') IS NOT NULL THEN
        ANALYZE message_wamids;
    END IF;
END
$$;

SELECT (SELECT count(*) FROM business_numbers WHERE phone_number_id LIKE '9000000000%') AS bench_numbers,
       (SELECT count(*) FROM contacts) AS contacts,
       (SELECT count(*) FROM tickets) AS tickets,
       (SELECT count(*) FROM messages) AS messages,
       pg_size_pretty(pg_database_size(current_database())) AS database_size;

-- The psql variables of bench/partitions/*.sql, from the generated data (bench/generate-data.sql).
SELECT id AS number_id FROM business_numbers WHERE name = 'Bench 01' \gset
SELECT array_agg(m.number_id ORDER BY m.number_id) AS numbers
  FROM memberships m JOIN app_users u ON u.id = m.user_id WHERE u.email = 'bench.manager@bench.local' \gset
SELECT contact_id AS heavy FROM messages WHERE created_at >= now() - interval '90 days'
 GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1 \gset
SELECT id AS cursor FROM messages WHERE contact_id = :heavy AND created_at < now() - interval '30 days'
 ORDER BY created_at DESC, id DESC LIMIT 1 \gset
SELECT t.id AS big_ticket FROM tickets t
 WHERE t.contact_id IN (SELECT id FROM contacts WHERE number_id = :number_id ORDER BY id LIMIT 2)
 ORDER BY (SELECT count(*) FROM messages m WHERE m.ticket_id = t.id) DESC LIMIT 1 \gset

-- The contact timeline's page before a message (ContactTimeline.before): the keyset on (created_at, id), within
-- the retention's 90 days (which prune the older months; the row comparison prunes none).
:explain
SELECT m.id, m.created_at, m.direction, m.type, m.body, u.name AS author_name, t.ticket_number
  FROM messages m
  LEFT JOIN tickets t ON t.id = m.ticket_id
  LEFT JOIN app_users u ON u.id = m.author_user_id
 WHERE m.contact_id = :heavy AND m.created_at >= now() - interval '90 days'
   AND (m.created_at, m.id) < (SELECT b.created_at, b.id FROM messages b WHERE b.id = :cursor)
 ORDER BY m.created_at DESC, m.id DESC
 LIMIT 51;

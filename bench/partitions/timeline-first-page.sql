-- The contact timeline's newest page (ContactTimeline.latest, no search words), the heavy contact; 90 days back.
:explain
SELECT m.id, m.created_at, m.direction, m.type, m.body, u.name AS author_name, t.ticket_number
  FROM messages m
  LEFT JOIN tickets t ON t.id = m.ticket_id
  LEFT JOIN app_users u ON u.id = m.author_user_id
 WHERE m.contact_id = :heavy AND m.created_at >= now() - interval '90 days'
 ORDER BY m.created_at DESC, m.id DESC
 LIMIT 51;

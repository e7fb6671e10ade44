-- The history list's newest page of Bench 01 over 30 days (HistoryQueries: tickets only, no messages read).
:explain
WITH chosen AS (SELECT t.id FROM tickets t
                 WHERE t.number_id = :number_id AND t.created_at >= now() - interval '30 days'
                 ORDER BY t.created_at DESC, t.id DESC LIMIT 26)
SELECT t.id, t.ticket_number, t.status, t.close_reason, t.created_at, t.closed_at, c.name, c.phone_e164, u.name
  FROM chosen JOIN tickets t ON t.id = chosen.id
  JOIN contacts c ON c.id = t.contact_id
  LEFT JOIN app_users u ON u.id = t.agent_id
 ORDER BY t.created_at DESC, t.id DESC;

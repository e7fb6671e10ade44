-- A ticket's messages as the PDF reads them (PdfQueries, the big ticket): by ticket, no time bound (a message's
-- WhatsApp timestamp may be older than its ticket), so each month's ticket index is probed once.
:explain
SELECT m.id, m.created_at, m.author_type, m.type, m.body
  FROM messages m
 WHERE m.ticket_id = :big_ticket
 ORDER BY m.created_at, m.id;

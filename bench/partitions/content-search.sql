-- The content search's first page (MessageSearch.search) for "nota fiscal" on the bench manager's numbers.
:explain
WITH hits AS (SELECT m.id, m.contact_id, m.number_id, m.direction, m.created_at,
                     concat_ws(' ', m.body, m.media_caption) AS text
                FROM messages m
               WHERE m.number_id = ANY (:'numbers') AND m.created_at >= now() - interval '90 days'
                 AND m.content_tsv @@ websearch_to_tsquery('portuguese', search_fold('nota fiscal'))
               ORDER BY m.created_at DESC, m.id DESC LIMIT 21 OFFSET 0)
SELECT h.id, h.contact_id, h.direction, h.created_at, c.name AS contact_name, c.phone_e164,
       n.name AS number_name, ts_headline('portuguese_unaccent', h.text,
                                          websearch_to_tsquery('portuguese_unaccent', 'nota fiscal')) AS snippet
  FROM hits h
  JOIN contacts c ON c.id = h.contact_id
  JOIN business_numbers n ON n.id = h.number_id
 ORDER BY h.created_at DESC, h.id DESC;

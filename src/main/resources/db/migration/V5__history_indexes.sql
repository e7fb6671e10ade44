-- Conversation history (/history): one number's tickets newest first, paged by keyset on (created_at, id).
-- tickets_by_number_created (number_id, created_at DESC) cannot compare the row (created_at, id) in the
-- index, so a page deep in the list filtered row by row; this one seeks straight to the cursor.
CREATE INDEX tickets_history ON tickets (number_id, created_at DESC, id DESC);

-- Filtered by agent, the newest tickets of the agent on the number, without reading the others first
-- (on the generated data: 126 ms for a page of one agent's 1,086 tickets among 6,646 before this index).
CREATE INDEX tickets_history_agent ON tickets (number_id, agent_id, created_at DESC, id DESC);

-- Conversation history (/history): one number's tickets newest first, paged by keyset on (created_at, id).
-- tickets_by_number_created (number_id, created_at DESC) cannot compare the row (created_at, id) in the
-- index, so a page deep in the list filtered row by row; this one seeks straight to the cursor.
CREATE INDEX tickets_history ON tickets (number_id, created_at DESC, id DESC);

-- Filtered by agent, a page walks that agent's newest tickets on the number instead of reading all of the
-- number's tickets in the window and keeping the agent's (see docs/benchmarks.md, issue 7).
CREATE INDEX tickets_history_agent ON tickets (number_id, agent_id, created_at DESC, id DESC);

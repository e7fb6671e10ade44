-- A customer's file the sweep could not download (WhatsApp no longer has it, it is too large, the network failed)
-- is tried a few times, not for the whole sweep window: otherwise the newest stuck files would fill every sweep.
ALTER TABLE messages ADD COLUMN media_fetch_attempts smallint NOT NULL DEFAULT 0;
DROP INDEX messages_media_to_fetch;
CREATE INDEX messages_media_to_fetch ON messages (id) WHERE media_id IS NOT NULL AND media_file_id IS NULL
    AND direction = 'INBOUND' AND media_fetch_attempts < 5;

-- WhatsApp's own timestamp of a customer's message, kept only when it was implausible (more than a day ahead of
-- the app's clock, or before 2009): created_at then holds the time the webhook arrived, which orders the
-- conversation and counts in the metrics. Unix seconds, since such a value may lie beyond timestamptz's range.
ALTER TABLE messages ADD COLUMN implausible_timestamp bigint;

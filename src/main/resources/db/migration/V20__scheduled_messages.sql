-- Scheduled messages (scheduling module): a text an agent wrote for a contact, sent by a job at its due time,
-- optionally repeating. One row per series: a repeating row stays SCHEDULED with its next due time.
CREATE TABLE scheduled_messages (
    id               bigserial PRIMARY KEY,
    number_id        bigint      NOT NULL REFERENCES business_numbers (id),
    contact_id       bigint      NOT NULL REFERENCES contacts (id),
    author_id        bigint      NOT NULL REFERENCES app_users (id),
    body             text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4096),
    -- the date and time typed, in the number's zone: each occurrence is computed from it, not from the last one
    first_local      timestamp   NOT NULL,
    occurrence       integer     NOT NULL DEFAULT 0 CHECK (occurrence >= 0),
    due_at           timestamptz NOT NULL,
    repetition       text        NOT NULL CHECK (repetition IN ('NONE', 'DAILY', 'WEEKLY', 'MONTHLY')),
    template_id      bigint      REFERENCES message_templates (id),
    template_values  text[]      NOT NULL DEFAULT '{}',
    status           text        NOT NULL CHECK (status IN ('SCHEDULED', 'SENT', 'SKIPPED', 'CANCELLED')),
    last_result      text,
    last_run_at      timestamptz,
    created_at       timestamptz NOT NULL
);

CREATE INDEX scheduled_messages_due ON scheduled_messages (due_at) WHERE status = 'SCHEDULED';
CREATE INDEX scheduled_messages_author ON scheduled_messages (author_id, due_at DESC);
CREATE INDEX scheduled_messages_number ON scheduled_messages (number_id, due_at DESC);
CREATE INDEX scheduled_messages_contact ON scheduled_messages (contact_id);

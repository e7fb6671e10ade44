-- The satisfaction survey a number may send when a ticket closes: an interactive message with up to three reply
-- buttons (WhatsApp: body at most 1024 characters, titles at most 20). A blank title leaves its button out.
ALTER TABLE business_numbers ADD COLUMN survey_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE business_numbers ADD COLUMN survey_question varchar(1024) NOT NULL
    DEFAULT 'Como você avalia o nosso atendimento?';
ALTER TABLE business_numbers ADD COLUMN survey_good_title varchar(20) NOT NULL DEFAULT 'Ótimo';
ALTER TABLE business_numbers ADD COLUMN survey_ok_title varchar(20) NOT NULL DEFAULT 'Bom';
ALTER TABLE business_numbers ADD COLUMN survey_bad_title varchar(20) NOT NULL DEFAULT 'Ruim';
-- Sent after an answer when not blank; the customer's next text within an hour is the answer's comment.
ALTER TABLE business_numbers ADD COLUMN survey_comment_prompt varchar(1024) NOT NULL DEFAULT '';

-- On the ticket: when its survey was queued (once per ticket), and the customer's answer (the first tap counts).
ALTER TABLE tickets ADD COLUMN survey_sent_at timestamptz;
ALTER TABLE tickets ADD COLUMN satisfaction varchar(8) CHECK (satisfaction IN ('GOOD', 'OK', 'BAD'));
ALTER TABLE tickets ADD COLUMN satisfaction_answered_at timestamptz;
ALTER TABLE tickets ADD COLUMN survey_comment_asked_at timestamptz;
ALTER TABLE tickets ADD COLUMN satisfaction_comment text;
ALTER TABLE tickets ADD CONSTRAINT tickets_satisfaction_answered
    CHECK ((satisfaction IS NULL) = (satisfaction_answered_at IS NULL)
       AND (satisfaction IS NULL OR survey_sent_at IS NOT NULL));
CREATE INDEX tickets_by_number_satisfaction ON tickets (number_id, satisfaction_answered_at)
    WHERE satisfaction IS NOT NULL;

-- The survey message is the automation's own.
ALTER TABLE messages DROP CONSTRAINT messages_automation_check;
ALTER TABLE messages ADD CONSTRAINT messages_automation_check
    CHECK (automation IN ('AFTER_HOURS', 'ABSENCE', 'RETURN_REQUESTED', 'SATISFACTION_SURVEY'));

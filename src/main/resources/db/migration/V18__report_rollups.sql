-- Reports read whole local days of each number from these roll-ups instead of the tickets (see
-- docs/architecture.md, "Reports"). A row sums the events of one local hour (counts) or one duration bucket
-- (durations) of one number, local day and agent (null: no agent). Written by the reports module only.
CREATE TABLE report_counts (
    number_id          bigint   NOT NULL REFERENCES business_numbers (id) ON DELETE CASCADE,
    day                date     NOT NULL,
    hour               smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
    agent_id           bigint,
    created            integer  NOT NULL,
    attendant          integer  NOT NULL,
    client             integer  NOT NULL,
    client_inactivity  integer  NOT NULL,
    transferred        integer  NOT NULL,
    lost               integer  NOT NULL,
    abandoned          integer  NOT NULL
);
CREATE INDEX report_counts_by_day ON report_counts (number_id, day);

-- measure: F first response, R response, S service. bucket b holds the durations s with 1.1^b <= 1 + s < 1.1^(b+1).
CREATE TABLE report_durations (
    number_id  bigint   NOT NULL REFERENCES business_numbers (id) ON DELETE CASCADE,
    day        date     NOT NULL,
    agent_id   bigint,
    measure    char(1)  NOT NULL CHECK (measure IN ('F', 'R', 'S')),
    bucket     smallint NOT NULL,
    tickets    integer  NOT NULL,
    seconds    numeric  NOT NULL
);
CREATE INDEX report_durations_by_day ON report_durations (number_id, day);

CREATE TABLE report_tags (
    number_id  bigint  NOT NULL REFERENCES business_numbers (id) ON DELETE CASCADE,
    day        date    NOT NULL,
    tag_id     bigint  NOT NULL,
    tickets    integer NOT NULL
);
CREATE INDEX report_tags_by_day ON report_tags (number_id, day);

-- The local days whose roll-ups are complete; the others are computed from the tickets when a report asks.
CREATE TABLE report_rolled_days (
    number_id  bigint      NOT NULL REFERENCES business_numbers (id) ON DELETE CASCADE,
    day        date        NOT NULL,
    rolled_at  timestamptz NOT NULL,
    PRIMARY KEY (number_id, day)
);

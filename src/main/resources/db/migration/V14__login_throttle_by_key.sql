-- Login throttling counts failures per key (an e-mail from one client address, an e-mail from one known
-- device, or a client address across e-mails) instead of per e-mail: one row per key, written with a row lock
-- so that concurrent attempts each use up an allowance. Rows idle for a day are deleted by a scheduled job.
DROP TABLE login_failures;

CREATE TABLE login_throttle (
    throttle_key    varchar(400) NOT NULL PRIMARY KEY,
    failures        integer      NOT NULL,
    last_failure_at timestamptz  NOT NULL
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);

-- Keys the app generates for itself on first use, the same for every instance and across restarts
-- (the device cookies' HMAC key). Deleting a row makes a new key: every value signed with the old one is refused.
CREATE TABLE signing_keys (
    purpose    varchar(60)  NOT NULL PRIMARY KEY,
    secret     bytea        NOT NULL,
    created_at timestamptz  NOT NULL
);

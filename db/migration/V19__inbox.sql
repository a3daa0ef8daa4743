-- Thread replies recorded before Slack hears back and taken in after (issue 17): the ack waits for
-- this one insert, not for the interview's write. A row goes once its reply is taken in; one whose
-- lease ran out (its bot stopped, or taking it in failed) is taken again, by any bot on the
-- database, as often as attempts allow.
CREATE TABLE inbox (
    event_key   TEXT    NOT NULL PRIMARY KEY,
    received_at BIGINT  NOT NULL,
    lease_until BIGINT  NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    event       TEXT    NOT NULL
);

-- The replies to take again are one range of this index: leases run out, oldest first.
CREATE INDEX inbox_by_lease ON inbox (lease_until);

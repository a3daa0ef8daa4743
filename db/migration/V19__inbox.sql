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

-- No index beyond the key: the table holds only the replies being taken in (a few dozen at most
-- under load), and a second index would be written and erased again for every reply.

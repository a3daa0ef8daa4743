-- Meetings, reminders and what specbot knows of people, in the same portable SQL as V1.

-- One discussion meeting per spec; rescheduling updates it (its id stays, for calendars).
CREATE TABLE meetings (
    id               TEXT    NOT NULL PRIMARY KEY,
    interview_id     TEXT    NOT NULL UNIQUE REFERENCES interviews (id) ON DELETE CASCADE,
    start_at         BIGINT  NOT NULL,
    duration_minutes INTEGER NOT NULL,
    zone             TEXT    NOT NULL,
    -- Slack user ids, space-separated, in the order they were invited.
    attendees        TEXT    NOT NULL,
    sequence         INTEGER NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);

-- Set when the drafter says a spec needs no meeting: its meeting nudges stop.
ALTER TABLE interviews ADD COLUMN no_meeting_at BIGINT;

-- Reminders and nudges waiting for their time. Firing one is a single UPDATE ... WHERE status =
-- 'PENDING' in the transaction that queues its messages, so it fires once even with two bots.
CREATE TABLE reminders (
    id           TEXT    NOT NULL PRIMARY KEY,
    kind         TEXT    NOT NULL,
    interview_id TEXT    NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    recipient_id TEXT,
    number       INTEGER NOT NULL,
    due_at       BIGINT  NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('PENDING', 'FIRED', 'CANCELLED')),
    created_at   BIGINT  NOT NULL,
    settled_at   BIGINT
);

CREATE INDEX reminders_due ON reminders (status, due_at);
CREATE INDEX reminders_by_interview ON reminders (interview_id, status);

-- Who has read a spec before its meeting (the "Read it" button).
CREATE TABLE spec_reads (
    interview_id TEXT   NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    user_id      TEXT   NOT NULL,
    read_at      BIGINT NOT NULL,
    PRIMARY KEY (interview_id, user_id)
);

-- What Slack's users.info said of a person, kept so that each request does not ask again.
CREATE TABLE people (
    user_id    TEXT   NOT NULL PRIMARY KEY,
    name       TEXT   NOT NULL,
    email      TEXT,
    zone       TEXT   NOT NULL,
    fetched_at BIGINT NOT NULL
);

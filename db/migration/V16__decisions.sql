-- The discussion meeting's outcome (issue 19), in the same portable SQL as V1. When the meeting
-- ends the drafter is asked what was decided; from then until they say that is all, their replies
-- in the thread are decisions. Each reply is recorded once by its Slack ts, so an event Slack sends
-- again records nothing twice.
CREATE TABLE discussions (
    interview_id TEXT   NOT NULL PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    -- COLLECTING: the drafter's replies are decisions; CLOSED: they said that was all.
    state        TEXT   NOT NULL CHECK (state IN ('COLLECTING', 'CLOSED')),
    -- The section the template names for decisions (specbot: decisions: NAME), if it names one.
    section      TEXT,
    asked_at     BIGINT NOT NULL,
    -- When the drafter first said that was all (the process step is ticked from then on), and
    -- that day in their time zone, as 2026-12-03.
    closed_at    BIGINT,
    closed_on    TEXT
);

CREATE TABLE decisions (
    interview_id TEXT   NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    -- The reply's ts in the thread.
    message_ts   TEXT   NOT NULL,
    kind         TEXT   NOT NULL CHECK (kind IN ('DECISION', 'FOLLOW_UP')),
    -- The decision, or the follow-up's task, as written.
    text         TEXT   NOT NULL,
    -- A follow-up's owner: their Slack id when they were mentioned, and their name as read then.
    owner_id     TEXT,
    owner_name   TEXT,
    -- The day it was recorded in the drafter's time zone, as 2026-12-03.
    decided_on   TEXT   NOT NULL,
    recorded_at  BIGINT NOT NULL,
    PRIMARY KEY (interview_id, message_ts),
    CHECK (kind = 'DECISION' OR owner_name IS NOT NULL)
);

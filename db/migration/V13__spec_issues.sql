-- A spec published as a GitHub issue (issue 18), in the same portable SQL as V1: one row per
-- interview, written when the drafter asks (or the review approves) and the issue is queued, so
-- that a second press, or Slack sending the press again, finds it and queues nothing. What the
-- issue is made of (repository, title, labels, assignees) is kept here as it was asked for; edits
-- and comments later go to the same repository and number.
CREATE TABLE spec_issues (
    interview_id TEXT    NOT NULL PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    repository   TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    -- JSON arrays of strings.
    labels       TEXT    NOT NULL,
    assignees    TEXT    NOT NULL,
    -- PUBLISHING: queued, not yet created; PUBLISHED: issue_number and url are GitHub's;
    -- REFUSED: GitHub refused it for good, and the drafter may ask again once it is fixed.
    state        TEXT    NOT NULL CHECK (state IN ('PUBLISHING', 'PUBLISHED', 'REFUSED')),
    issue_number INTEGER,
    url          TEXT,
    requested_at BIGINT  NOT NULL,
    published_at BIGINT
);

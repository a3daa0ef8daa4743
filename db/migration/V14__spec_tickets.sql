-- Tickets made from a spec's action items (issue 18), in the same portable SQL as V1: one row per
-- interview and ticket key, written when the drafter submits the ticket form, in the transaction
-- that queues its creation; the primary key makes a resubmitted form, or Slack sending the
-- submission again, create nothing twice.
CREATE TABLE spec_tickets (
    interview_id TEXT    NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    ticket_key   TEXT    NOT NULL,
    -- Where it stands in the form's order, for the checklist and the thread's list.
    position     INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    section      TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    -- CREATING: its GitHub issue is queued; CREATED: made (issue_number and url are GitHub's), or
    -- written into the document as a checklist item (no issue); REFUSED: GitHub refused it for
    -- good, and it may be proposed again.
    state        TEXT    NOT NULL CHECK (state IN ('CREATING', 'CREATED', 'REFUSED')),
    issue_number INTEGER,
    url          TEXT,
    requested_at BIGINT  NOT NULL,
    created_at   BIGINT,
    PRIMARY KEY (interview_id, ticket_key)
);

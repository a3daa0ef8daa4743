-- A spec's review and approval (dev.specbot.review.Review), in the same portable SQL as V1.
--
-- The review is read and written whole, by one writer at a time under its interview's version
-- (storage.Optimistic), so it needs no version of its own. Its stage and rule are columns; its
-- reviewers are rows, because "whose verdict is awaited" is asked across specs (reminders, the home
-- tab); its concerns, remarks and history are one JSON document, because nothing asks about them
-- but the review they belong to, and a document lets them grow fields without a migration.

CREATE TABLE reviews (
    interview_id    TEXT    NOT NULL PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    drafter_id      TEXT    NOT NULL,
    stage           TEXT    NOT NULL CHECK (stage IN ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED',
                                                      'APPROVED', 'IN_PROGRESS', 'COMPLETED')),
    -- ALL: every reviewer approves; MAJORITY: a majority, with at most max_outstanding not yet.
    rule            TEXT    NOT NULL CHECK (rule IN ('ALL', 'MAJORITY')),
    max_outstanding INTEGER NOT NULL,
    -- {"concerns": [...], "remarks": [...], "history": [...]}, instants as epoch milliseconds.
    details         TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL
);

-- Each save replaces a review's rows here; position keeps the order they were asked in.
CREATE TABLE review_reviewers (
    interview_id TEXT    NOT NULL REFERENCES reviews (interview_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    user_id      TEXT    NOT NULL,
    verdict      TEXT    NOT NULL CHECK (verdict IN ('PENDING', 'APPROVED', 'CHANGES_REQUESTED',
                                                     'STALE')),
    verdict_at   BIGINT,
    PRIMARY KEY (interview_id, user_id)
);

-- The reviews awaiting a person's verdict are one range of this index.
CREATE INDEX review_reviewers_by_user ON review_reviewers (user_id, verdict);

-- The home tab (issue 19), in the same portable SQL as V1.

-- Who has opened specbot's Home tab, and in which team: only they are sent a new home when
-- something of theirs changes. Publishing to someone who never looked would spend Slack's
-- views.publish limit on a tab nobody reads; they get theirs when they first open it.
CREATE TABLE home_opened (
    user_id   TEXT   NOT NULL PRIMARY KEY,
    team_id   TEXT   NOT NULL,
    opened_at BIGINT NOT NULL
);

-- A person's upcoming discussions are one range of this index (scheduled, from now on).
CREATE INDEX meetings_by_status_start ON meetings (status, start_at);

-- Recently approved specs, and open reviews with concerns, are ranges of this index.
CREATE INDEX reviews_by_stage ON reviews (stage, updated_at);

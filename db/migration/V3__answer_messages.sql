-- Which Slack message gave which answer, so that editing or deleting the message changes the
-- answer. An answer may come in several messages (a burst): each is a row, joined in ts order.
CREATE TABLE answer_messages (
    interview_id TEXT   NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    channel_id   TEXT   NOT NULL,
    ts           TEXT   NOT NULL,
    question_id  TEXT   NOT NULL,
    text         TEXT   NOT NULL,
    received_at  BIGINT NOT NULL,
    PRIMARY KEY (channel_id, ts)
);

CREATE INDEX answer_messages_by_question ON answer_messages (interview_id, question_id);

-- The question the drafter's latest reply answered, and the outbox message asking the question
-- after it; cleared by any other input. A reply that arrives while that message is still unsent
-- was written before the next question appeared, so it belongs to the same answer.
ALTER TABLE interviews ADD COLUMN burst_question TEXT;
ALTER TABLE interviews ADD COLUMN burst_next_ask TEXT;

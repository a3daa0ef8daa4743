-- How many times a sender has taken each message. More than once means an earlier sender may have
-- posted it and died before recording that; the next one looks in Slack before posting again.
ALTER TABLE outbox ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;

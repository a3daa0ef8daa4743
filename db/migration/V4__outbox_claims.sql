-- How many times a sender has taken each message, and which bot took it last. More than once
-- means an earlier sender may have posted it and died before recording that; the next one looks
-- in Slack before posting again. A bot restarted in the same place takes back its own claims at
-- once instead of waiting for their leases to run out.
ALTER TABLE outbox ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;

-- How soon a message should go when Slack's rate limits cannot send every due one at once: lower
-- first (the next question of an interview before a reply to a command, a reminder, or an edit of
-- a spec's card). Messages queued before this version are treated as replies.
ALTER TABLE outbox ADD COLUMN urgency INTEGER NOT NULL DEFAULT 1;

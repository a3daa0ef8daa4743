-- A spec's pending reminders in time order (snoozing reads them) come straight from this index.
-- With (interview_id, status) alone, SQLite sorted by due_at through reminders_due instead and so
-- read every pending reminder of every spec.
DROP INDEX reminders_by_interview;
CREATE INDEX reminders_by_interview ON reminders (interview_id, status, due_at);

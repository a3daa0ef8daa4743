-- Each change to an interview counts up its version. Work on an interview reads it, computes what
-- to do with no transaction open (rendering and parsing are slow on long answers, and SQLite has one
-- writer), and writes only if the version is still the one it read; otherwise it starts again.
ALTER TABLE interviews ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- An upload is three calls to Slack, and only the last one (files.completeUploadExternal) shares
-- the file. Its sender records the file Slack gave it, and when it asked Slack to share that file,
-- in a transaction of their own before asking: a sender that takes the message again after a crash
-- or a timeout asks Slack (files.info) whether that file was shared rather than sharing another.
-- upload_share_asked_at is null while no request to share upload_file_id can have reached Slack.
ALTER TABLE outbox ADD COLUMN upload_file_id TEXT;
ALTER TABLE outbox ADD COLUMN upload_share_asked_at BIGINT;

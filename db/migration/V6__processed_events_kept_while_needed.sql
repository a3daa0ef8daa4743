-- A handled event's key is kept only while something can bring the event back (slack/Pruner):
-- Slack retries an event within minutes; catch-up reads an open interview's whole thread on every
-- start, and a reply's key is how it knows that the reply was taken.

-- For a key kept as long as its interview (a reply's "message:" key): that interview. Null for a
-- key that only Slack's retries can bring back.
ALTER TABLE processed_events ADD COLUMN interview_id TEXT;

-- Message keys written before V6 do not say whose thread they are from, and were written for
-- replies in every thread. One in a channel where an interview was started may be an interview's
-- reply: it keeps its channel here, and goes once no interview of that channel started before it
-- can have its thread read by a catch-up again. The others were replies in channels without
-- interviews, and go like any key only retries need.
ALTER TABLE processed_events ADD COLUMN legacy_channel_id TEXT;

-- A message key reads 'message:' || channel || ':' || ts. Its channel is found by equality, for
-- each of the few lengths channel ids have: for 200,000 message keys and 50 channels this took
-- 1.3 s in the sqlite3 shell (the index below included), a LIKE per key and channel 6 s.
CREATE TEMPORARY TABLE v6_channels (channel_id TEXT NOT NULL PRIMARY KEY);
INSERT INTO v6_channels SELECT DISTINCT channel_id FROM interviews;
CREATE TEMPORARY TABLE v6_lengths (id_length INTEGER NOT NULL PRIMARY KEY);
INSERT INTO v6_lengths SELECT DISTINCT length(channel_id) FROM v6_channels;

UPDATE processed_events
SET legacy_channel_id = (
    SELECT v6_channels.channel_id
    FROM v6_lengths JOIN v6_channels
      ON v6_channels.channel_id = substr(processed_events.event_key, 9, v6_lengths.id_length)
    WHERE substr(processed_events.event_key, 9 + v6_lengths.id_length, 1) = ':')
WHERE event_key LIKE 'message:%';

DROP TABLE v6_lengths;
DROP TABLE v6_channels;

-- Each kind of key the pruner deletes is one range of this index: retries' keys (both columns
-- null) by age, an interview's keys, a legacy channel's keys by age.
CREATE INDEX processed_events_by_owner
    ON processed_events (interview_id, legacy_channel_id, processed_at);

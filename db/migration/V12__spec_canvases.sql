-- A spec's Slack canvas (issue 18), in the same portable SQL as V1: one row per interview, written
-- by the outbox's canvas lane (one sender at a time per interview).
--
-- canvas_id is null until canvases.create answered. create_asked_at is set, in a transaction of
-- its own, just before canvases.create is called, and cleared when Slack certainly did not create
-- one: a sender that finds it set with no canvas_id looks for the canvas an earlier call may have
-- made before it creates another. sent_markdown is the canvas markdown as last sent, which the next
-- change is compared with. refusal is Slack's error once it refused canvases for this spec (a free
-- plan, a missing scope, canvases turned off, the canvas deleted): the thread was told, and the
-- canvas is not tried again.

CREATE TABLE spec_canvases (
    interview_id    TEXT   NOT NULL PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    canvas_id       TEXT,
    create_asked_at BIGINT,
    sent_markdown   TEXT,
    refusal         TEXT,
    updated_at      BIGINT NOT NULL
);

-- An earlier call's canvas, found again in Slack, is taken only if no other spec recorded it.
CREATE INDEX spec_canvases_by_canvas ON spec_canvases (canvas_id);

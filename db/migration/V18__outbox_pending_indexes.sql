-- The outbox is looked up by lane and by time only among its pending messages, and its settled
-- ones only by age, to be pruned. Indexes of every row (status first, or lane first) changed a
-- page at a random place of a tree as large as the outbox's history on each insert and each
-- settle; these hold only the few pending messages, and the settled ones in the order they
-- settled, so each change touches pages that the last one touched too.
DROP INDEX outbox_due;
DROP INDEX outbox_lane_status;
CREATE INDEX outbox_pending_due ON outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_pending_lanes ON outbox (lane, seq) WHERE status = 'PENDING';
CREATE INDEX outbox_settled ON outbox (next_attempt_at) WHERE status IN ('SENT', 'FAILED');

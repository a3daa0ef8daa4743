-- The bots running on this database, each beating its heart here every few seconds: a bot that
-- starts while another has been up all along knows that nothing went unheard, and reads no
-- thread to catch up. A row stays after a crash until pruned; its seen_at tells it apart.
CREATE TABLE instances (
    name       TEXT   NOT NULL PRIMARY KEY,
    started_at BIGINT NOT NULL,
    seen_at    BIGINT NOT NULL
);

-- Demo only: how far the demo's time runs ahead of (or behind) the real clock, so that a restart goes on
-- at the demo date instead of jumping to today and firing two years of timers at once. One row at most.
CREATE TABLE demo_clock (
    id            SMALLINT NOT NULL PRIMARY KEY,
    offset_millis BIGINT   NOT NULL,
    CONSTRAINT demo_clock_single_row CHECK (id = 1)
);

-- An approved activity can end as "niet doorgegaan" with the reason in its result (issue 15).
ALTER TABLE local_activity DROP CONSTRAINT local_activity_status_check;
ALTER TABLE local_activity ADD CONSTRAINT local_activity_status_check
    CHECK (status IN ('VOORGESTELD', 'GOEDGEKEURD', 'AFGEWEZEN', 'UITGEVOERD', 'NIET_DOORGEGAAN', 'VERVALLEN'));

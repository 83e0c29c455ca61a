-- R-04 (issue 15): the stuurgroep SD prepares what the BOSD shares, each body on its own meeting calendar.
-- programme_meeting keeps the BOSD's meetings; the stuurgroep's are here. Programmes that already run get
-- a stuurgroep meeting two weeks before each BOSD meeting, which the projectleider can move.
CREATE TABLE programme_steering_meeting (
    programme_id VARCHAR(60) NOT NULL REFERENCES programme (id),
    meeting_date DATE        NOT NULL,
    PRIMARY KEY (programme_id, meeting_date)
);

INSERT INTO programme_steering_meeting (programme_id, meeting_date)
SELECT DISTINCT programme_id, CAST(meeting_date - INTERVAL '14' DAY AS DATE) FROM programme_meeting;

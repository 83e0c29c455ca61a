-- Municipal elections (gemeenteraadsverkiezingen), reference data (issue 15): the feedback moment after the
-- elections (seed 000 §11) belongs to a programme period with an election in it. 2022 and 2026 are the dates
-- held or set; later ones are planned on the third Wednesday of March every four years, as those were, until
-- the Kiesraad sets them: beheer corrects a date here (confirmed = TRUE) when it is known.
CREATE TABLE municipal_election (
    election_date DATE    NOT NULL PRIMARY KEY,
    confirmed     BOOLEAN NOT NULL
);

INSERT INTO municipal_election (election_date, confirmed) VALUES
    (DATE '2022-03-16', TRUE),
    (DATE '2026-03-18', TRUE),
    (DATE '2030-03-20', FALSE),
    (DATE '2034-03-15', FALSE),
    (DATE '2038-03-17', FALSE),
    (DATE '2042-03-19', FALSE),
    (DATE '2046-03-21', FALSE),
    (DATE '2050-03-16', FALSE),
    (DATE '2054-03-18', FALSE),
    (DATE '2058-03-20', FALSE),
    (DATE '2062-03-15', FALSE),
    (DATE '2066-03-17', FALSE),
    (DATE '2070-03-19', FALSE),
    (DATE '2074-03-21', FALSE),
    (DATE '2078-03-16', FALSE),
    (DATE '2082-03-18', FALSE),
    (DATE '2086-03-20', FALSE),
    (DATE '2090-03-15', FALSE),
    (DATE '2094-03-17', FALSE),
    (DATE '2098-03-19', FALSE);

-- A period without an election has no feedback moment.
ALTER TABLE programme ALTER COLUMN feedback_date DROP NOT NULL;

-- Municipalities of the inclusion and diversity collaboration of Regio Amersfoort.
-- Sources: seed 000 (BOSD consensus of 14 October 2021; Amersfoort takes part regionally but is
-- not funded) and seed 001 (Eemnes and Nijkerk join from 2024). The sources do not say which
-- body adopts per municipality; PORTEFEUILLEHOUDER is the default until a municipality says otherwise.
-- The funding of Eemnes and Nijkerk from 2024 is assumed like the other joining municipalities.
CREATE TABLE municipality (
    code          VARCHAR(40)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    funded        BOOLEAN      NOT NULL,
    adopting_body VARCHAR(20)  NOT NULL,
    member_from   DATE         NOT NULL,
    member_until  DATE,
    CONSTRAINT municipality_adopting_body_check CHECK (adopting_body IN ('PORTEFEUILLEHOUDER', 'COLLEGE')),
    CONSTRAINT municipality_membership_check CHECK (member_until IS NULL OR member_until > member_from)
);

INSERT INTO municipality (code, name, funded, adopting_body, member_from, member_until) VALUES
    ('amersfoort', 'Amersfoort', FALSE, 'PORTEFEUILLEHOUDER', DATE '2021-10-14', NULL),
    ('baarn',      'Baarn',      TRUE,  'PORTEFEUILLEHOUDER', DATE '2021-10-14', NULL),
    ('bunschoten', 'Bunschoten', TRUE,  'PORTEFEUILLEHOUDER', DATE '2021-10-14', NULL),
    ('leusden',    'Leusden',    TRUE,  'PORTEFEUILLEHOUDER', DATE '2021-10-14', NULL),
    ('soest',      'Soest',      TRUE,  'PORTEFEUILLEHOUDER', DATE '2021-10-14', NULL),
    ('woudenberg', 'Woudenberg', TRUE,  'PORTEFEUILLEHOUDER', DATE '2021-10-14', NULL),
    ('eemnes',     'Eemnes',     TRUE,  'PORTEFEUILLEHOUDER', DATE '2024-01-01', NULL),
    ('nijkerk',    'Nijkerk',    TRUE,  'PORTEFEUILLEHOUDER', DATE '2024-01-01', NULL);

-- R-02 has two halves (issue 15): a consent states its audience. REGIONAAL: the stuurgroep, the BOSD and the other
-- participants; OPENBAAR: also the published final report and the web page. Consents given before were regional.
ALTER TABLE consent ADD COLUMN audience VARCHAR(20) DEFAULT 'REGIONAAL' NOT NULL;
ALTER TABLE consent ADD CONSTRAINT consent_audience_check CHECK (audience IN ('REGIONAAL', 'OPENBAAR'));

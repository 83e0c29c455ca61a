-- A gate that ends without a decision (its case moved on: the plan went back for adjustment, the track
-- or programme stopped, beheer cancelled it) records when it lapsed; before, its row stayed "not yet
-- decided" in the case file for good.
ALTER TABLE decision ADD COLUMN lapsed_at TIMESTAMP;

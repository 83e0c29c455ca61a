-- R-06 (issue 15): local partners are set by the portefeuillehouder as part of the tailored approach; the plan names
-- them per activity and its adoption fixes them.
ALTER TABLE local_activity ADD COLUMN partners VARCHAR(500);

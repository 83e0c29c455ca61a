-- Reminder offsets per programme (working days before a due date, e.g. "14,3"); empty = the configured default.
ALTER TABLE programme ADD COLUMN reminder_working_days VARCHAR(50);

-- The outbox also records the signal to the projectleider that the adviser's hours reached 80% or
-- 100% of the yearly cap (issue 5). task_id then holds the signal's process instance id.
ALTER TABLE mail_message DROP CONSTRAINT mail_message_kind_check;
ALTER TABLE mail_message ADD CONSTRAINT mail_message_kind_check CHECK (kind IN ('HERINNERING', 'ESCALATIE', 'URENSIGNAAL'));

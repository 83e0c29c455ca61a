-- The weekly digest (issue 16): on the first working day of the week every person with open tasks
-- gets one mail listing them; the outbox records it like every other mail (task_id then holds the
-- digest's process instance id). A person can switch it off: a row here means "no digest for me".
ALTER TABLE mail_message DROP CONSTRAINT mail_message_kind_check;
ALTER TABLE mail_message ADD CONSTRAINT mail_message_kind_check
    CHECK (kind IN ('HERINNERING', 'ESCALATIE', 'URENSIGNAAL', 'DEELNAME_BEEINDIGD', 'WEEKOVERZICHT'));

CREATE TABLE digest_opt_out (
    user_id       VARCHAR(100) NOT NULL PRIMARY KEY,
    opted_out_at  TIMESTAMP    NOT NULL
);

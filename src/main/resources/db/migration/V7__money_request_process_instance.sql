-- Issue 12: the process instance a money request was registered in. Only that instance may book
-- its grant; another instance that carries the request's id (started at the booking, restarted,
-- modified) is refused. Requests registered before this column existed have none: their booking
-- is refused with a message that tells an operator to record the request's own instance first.
ALTER TABLE activity_money_request ADD COLUMN process_instance_id VARCHAR(64);

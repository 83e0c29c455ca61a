-- Issue 12: the process instance a money request was registered in. Only that instance may book
-- its grant; another instance that carries the request's id (started at the booking, restarted,
-- modified) is refused. Requests registered before this column existed have none and cannot be
-- booked automatically: their booking stops with an incident for an operator.
ALTER TABLE activity_money_request ADD COLUMN process_instance_id VARCHAR(64);

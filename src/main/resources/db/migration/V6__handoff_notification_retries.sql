-- Whether staff were emailed about a handoff request, and when to try again if the mail server was down.

alter table handoff_request add column notified_at timestamp;
alter table handoff_request add column notify_attempts int not null default 0;
alter table handoff_request add column notify_next_at timestamp;  -- set once an attempt failed; null when nothing is owed

create index handoff_request_notify on handoff_request (notify_next_at);

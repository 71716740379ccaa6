-- An account an administrator created or reset in the console (issue #17) logs in with a one-time password and must
-- choose a password of its own before any other console page opens. Accounts from configuration (the first
-- administrator, the metrics account) are created without it.
alter table users add column must_change_password boolean default false not null;

-- A visitor's "Did this answer your question?" on a bot answer: true (yes), false (no), null (not asked or not told).
-- A "no" sends the question to the unanswered-questions page with the answer it got (issue #19).
alter table message add column helpful boolean;

-- Why the policy gave a bot message (urgent guidance: the words that matched, or the closest curated message and
-- its similarity), shown to staff in the transcript.
alter table message add column basis varchar(500);

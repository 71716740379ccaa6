-- Visitors' questions an editor decided are not worth answering, so the unanswered-questions page stops
-- listing them. Only a hash of the question's normalised, masked text is kept: never the text or anything
-- that could reach a visitor. Written for H2 (PostgreSQL mode) and PostgreSQL.

create table unanswered_dismissed (
    text_hash    varchar(64) primary key,   -- SHA-256, in hex, of the normalised text (QuestionTexts)
    dismissed_by varchar(50) not null,
    dismissed_at timestamp   not null
);

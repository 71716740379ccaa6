-- Visitor messages whose turn failed with an error (issue #20): the turn's transaction is rolled back, so the message is
-- not in the transcript, and the visitor was told something went wrong. Kept for editors' unanswered-questions page,
-- with the kind of error only (the exception's class name, never its message). The conversation module owns it; its
-- retention deletes a failed turn with its conversation, or after the retention period when the conversation was never
-- stored. Written for H2 (PostgreSQL mode) and PostgreSQL.

create table failed_turn (
    conversation_id  uuid          not null,   -- not a reference: the conversation may have been rolled back with the turn
    client_id        varchar(64),
    text             varchar(4000) not null,
    error            varchar(100)  not null,   -- e.g. IllegalStateException
    failed_at        timestamp     not null
);

create index failed_turn_failed_at on failed_turn (failed_at);

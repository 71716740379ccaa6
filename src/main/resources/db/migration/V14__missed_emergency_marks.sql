-- Visitor messages staff marked as missed emergencies from a transcript in the console (issue #20): listed on the
-- administrators' safety review, with who marked them, and never among the editors' unanswered questions. Only the
-- message's place is kept, never its words; the mark goes with the message when retention deletes the conversation.
-- The staff module owns it. Written for H2 (PostgreSQL mode) and PostgreSQL.

create table missed_emergency_mark (
    conversation_id  uuid         not null,
    seq              integer      not null,
    marked_by        varchar(50)  not null,
    marked_at        timestamp    not null,
    primary key (conversation_id, seq),
    foreign key (conversation_id, seq) references message (conversation_id, seq) on delete cascade
);

create index missed_emergency_mark_at on missed_emergency_mark (marked_at);

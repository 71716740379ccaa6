-- Conversations, every message of them, and handoff requests. Written for H2 (PostgreSQL mode) and PostgreSQL.

create table conversation (
    id               uuid         primary key,
    started_at       timestamp    not null,
    last_activity_at timestamp    not null,
    emergency        boolean      not null default false,
    stage            varchar(20)  not null default 'CHATTING',  -- CHATTING, OFFERED, FORM_OPEN
    topic_article    varchar(200)                               -- the article the last answer came from
);

create index conversation_last_activity on conversation (last_activity_at);

create table message (
    conversation_id  uuid          not null references conversation (id) on delete cascade,
    seq              integer       not null,
    sender           varchar(10)   not null,  -- VISITOR or BOT
    kind             varchar(30)   not null,  -- for the bot: greeting, answer, emergency, ...; for the visitor: message
    text             varchar(4000) not null,
    client_id        varchar(64),             -- the visitor's own id for the message, to store a resent message once
    source_article   varchar(200),
    source_section   varchar(300),
    source_anchor    varchar(300),
    confidence       double precision,
    rule_id          varchar(100),            -- the policy rule or knowledge item behind a bot message
    actions          varchar(200),            -- buttons offered with a bot message, comma-separated action types
    emergency        boolean       not null default false,
    disclaimer       varchar(2000),           -- every bot message, as the visitor saw it
    sent_at          timestamp     not null,
    primary key (conversation_id, seq)
);

create unique index message_client_id on message (conversation_id, client_id);

create table handoff_request (
    id               uuid          primary key,
    conversation_id  uuid          not null references conversation (id),
    name             varchar(100)  not null,
    phone            varchar(40),
    email            varchar(200),
    preferred_time   varchar(200),
    reason           varchar(1000),
    consent_contact  boolean       not null,
    consent_share    boolean       not null,
    emergency        boolean       not null default false,
    status           varchar(20)   not null,  -- NEW, IN_PROGRESS, CLOSED
    closed_at        timestamp,
    created_at       timestamp     not null
);

create index handoff_request_status on handoff_request (status, created_at);

-- Staff accounts in Spring Security's own JDBC schema (JdbcUserDetailsManager), and the audit log.

create table users (
    username  varchar(50)  not null primary key,
    password  varchar(500) not null,
    enabled   boolean      not null
);

create table authorities (
    username  varchar(50) not null references users (username),
    authority varchar(50) not null
);

create unique index authorities_user on authorities (username, authority);

-- Who viewed, exported or changed which handoff, and when. The console only ever inserts here.
create table audit_event (
    id          uuid         primary key,
    at          timestamp    not null,
    username    varchar(50)  not null,
    action      varchar(30)  not null,  -- VIEWED, STATUS_CHANGED, ...
    handoff_id  uuid,
    detail      varchar(200)
);

create index audit_event_at on audit_event (at);

-- Staff notes on a handoff request, and who is following it up.
create table handoff_note (
    id          uuid          primary key,
    handoff_id  uuid          not null references handoff_request (id) on delete cascade,
    at          timestamp     not null,
    username    varchar(50)   not null,
    text        varchar(2000) not null
);

create index handoff_note_handoff on handoff_note (handoff_id, at);

alter table handoff_request add column assigned_to varchar(50);

-- The language a bot message is written in ('en' or 'es'): the widget labels Spanish urgent guidance in Spanish and
-- marks the message's language for screen readers; null for messages stored before (English).
alter table message add column language varchar(8);

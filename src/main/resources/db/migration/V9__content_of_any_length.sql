-- Ids, anchors and titles come from a practice's articles, of any length and script (issue #14): a section title of
-- 200 characters, or an answer's id made from it, is stored as it is. (varchar without a length: unlimited on
-- PostgreSQL, H2's maximum on H2.)
alter table conversation alter column topic_article set data type varchar;
alter table message alter column source_article set data type varchar;
alter table message alter column source_section set data type varchar;
alter table message alter column source_anchor set data type varchar;
alter table message alter column rule_id set data type varchar;
alter table message alter column basis set data type varchar;

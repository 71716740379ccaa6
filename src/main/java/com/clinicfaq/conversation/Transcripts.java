package com.clinicfaq.conversation;

import com.clinicfaq.search.Answer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations and their messages in the database. */
@Repository
class Transcripts implements TranscriptStore {

    private final JdbcClient jdbc;

    Transcripts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Conversation create(UUID id, Instant now) {
        jdbc.sql(
                        "insert into conversation (id, started_at, last_activity_at, emergency, stage) values (?, ?, ?, false, ?)")
                .params(id, Timestamp.from(now), Timestamp.from(now), Dialogue.START.name())
                .update();
        return new Conversation(id, now, now, false, Dialogue.START, null);
    }

    @Override
    public Optional<Conversation> find(UUID id) {
        return jdbc.sql(
                        "select id, started_at, last_activity_at, emergency, stage, topic_article from conversation where id = ?")
                .param(id)
                .query((rs, n) -> new Conversation(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("last_activity_at").toInstant(),
                        rs.getBoolean("emergency"),
                        Stage.valueOf(rs.getString("stage")),
                        rs.getString("topic_article")))
                .optional();
    }

    @Override
    public void update(UUID id, Stage stage, String topicArticle, boolean emergency, Instant now) {
        jdbc.sql(
                        "update conversation set stage = ?, topic_article = ?, emergency = emergency or ?, last_activity_at = ? where id = ?")
                .params(stage.name(), topicArticle, emergency, Timestamp.from(now), id)
                .update();
    }

    @Override
    public Optional<Integer> seqOfClientMessage(UUID conversation, String clientId) {
        return jdbc.sql("select seq from message where conversation_id = ? and client_id = ?")
                .params(conversation, clientId)
                .query(Integer.class)
                .optional();
    }

    @Override
    public int appendVisitor(UUID conversation, String clientId, String text, Instant now) {
        int seq = nextSeq(conversation);
        jdbc.sql("""
                insert into message (conversation_id, seq, sender, kind, text, client_id, sent_at)
                values (?, ?, 'VISITOR', 'message', ?, ?, ?)""")
                .params(conversation, seq, text, clientId, Timestamp.from(now))
                .update();
        return seq;
    }

    @Override
    public TranscriptMessage appendBot(UUID conversation, BotMessage bot, Instant now) {
        int seq = nextSeq(conversation);
        Answer.Source source = bot.source();
        jdbc.sql("""
                insert into message (conversation_id, seq, sender, kind, text, source_article, source_section,
                                     source_anchor, confidence, rule_id, actions, emergency, disclaimer, sent_at, basis, language)
                values (?, ?, 'BOT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        conversation,
                        seq,
                        bot.kind().wire(),
                        bot.text(),
                        source == null ? null : source.articleId(),
                        source == null ? null : source.sectionTitle(),
                        source == null ? null : source.anchor(),
                        bot.confidence(),
                        bot.ruleId(),
                        String.join(
                                ",",
                                bot.actions().stream()
                                        .map(BotMessage.Action::type)
                                        .toList()),
                        bot.emergency(),
                        bot.disclaimer(),
                        Timestamp.from(now),
                        bot.basis().isEmpty() ? null : bot.basis(),
                        bot.language())
                .update();
        return new TranscriptMessage(seq, null, bot, now);
    }

    /** For entries taken during an outage: the conversation, unless it is stored already. */
    void createIfMissing(UUID id, Instant at) {
        if (find(id).isEmpty()) {
            jdbc.sql(
                            "insert into conversation (id, started_at, last_activity_at, emergency, stage) values (?, ?, ?, false, 'CHATTING')")
                    .params(id, Timestamp.from(at), Timestamp.from(at))
                    .update();
        }
    }

    /** Whether the bot's message is stored already (an outbox entry offered twice). */
    boolean hasBotMessage(UUID conversation, Instant at, String text) {
        return jdbc.sql(
                                "select count(*) from message where conversation_id = ? and sender = 'BOT' and sent_at = ? and text = ?")
                        .params(conversation, Timestamp.from(at), text)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Override
    public Optional<Answered> recordFeedback(UUID conversation, int seq, boolean helpful) {
        int updated = jdbc.sql(
                        "update message set helpful = ? where conversation_id = ? and seq = ? and sender = 'BOT' "
                                + "and kind in ('answer', 'clinician')")
                .params(helpful, conversation, seq)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select v.text as question, b.rule_id as item, b.source_article as article from message b
                        join message v on v.conversation_id = b.conversation_id and v.sender = 'VISITOR'
                          and v.seq = (select max(p.seq) from message p where p.conversation_id = b.conversation_id
                                       and p.sender = 'VISITOR' and p.seq < b.seq)
                        where b.conversation_id = ? and b.seq = ?""")
                .params(conversation, seq)
                .query((rs, n) -> new Answered(rs.getString("question"), rs.getString("item"), rs.getString("article")))
                .optional();
    }

    @Override
    public Optional<String> answeredQuestion(UUID conversation) {
        return jdbc.sql("""
                        select v.text from message v
                        where v.conversation_id = ? and v.sender = 'VISITOR'
                          and v.seq = (select max(p.seq) from message p where p.conversation_id = v.conversation_id
                                       and p.sender = 'VISITOR' and p.seq < (
                                         select max(b.seq) from message b where b.conversation_id = v.conversation_id
                                         and b.sender = 'BOT' and b.kind in ('answer', 'clinician')
                                         and b.source_article is not null))""").param(conversation).query(String.class).optional();
    }

    @Override
    public Optional<String> language(UUID conversation) {
        return jdbc.sql(
                        "select language from message where conversation_id = ? and sender = 'BOT' and language is not null "
                                + "order by seq desc limit 1")
                .param(conversation)
                .query(String.class)
                .optional();
    }

    private int nextSeq(UUID conversation) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from message where conversation_id = ?")
                .param(conversation)
                .query(Integer.class)
                .single();
    }

    /** Every message of the conversation, oldest first; the bot's with their stored disclaimer. */
    List<TranscriptMessage> messages(UUID conversation, SourceTitles titles) {
        return jdbc.sql("""
                select seq, sender, kind, text, source_article, source_section, source_anchor, confidence, rule_id, basis,
                       actions, emergency, disclaimer, sent_at, language
                from message where conversation_id = ? order by seq""")
                .param(conversation)
                .query((rs, n) -> message(rs, titles))
                .list();
    }

    /** The conversation's message at {@code seq}, if there is one. */
    Optional<TranscriptMessage> message(UUID conversation, int seq, SourceTitles titles) {
        return jdbc.sql("""
                select seq, sender, kind, text, source_article, source_section, source_anchor, confidence, rule_id, basis,
                       actions, emergency, disclaimer, sent_at, language
                from message where conversation_id = ? and seq = ?""")
                .params(conversation, seq)
                .query((rs, n) -> message(rs, titles))
                .optional();
    }

    /** The conversation's last {@code count} messages, oldest first. */
    List<TranscriptMessage> lastMessages(UUID conversation, int count, SourceTitles titles) {
        List<TranscriptMessage> newestFirst = jdbc.sql("""
                select seq, sender, kind, text, source_article, source_section, source_anchor, confidence, rule_id, basis,
                       actions, emergency, disclaimer, sent_at, language
                from message where conversation_id = ? order by seq desc limit ?""")
                .param(conversation)
                .param(count)
                .query((rs, n) -> message(rs, titles))
                .list();
        return newestFirst.reversed();
    }

    private static TranscriptMessage message(ResultSet rs, SourceTitles titles) throws SQLException {
        Instant sentAt = rs.getTimestamp("sent_at").toInstant();
        if (rs.getString("sender").equals("VISITOR")) {
            return new TranscriptMessage(rs.getInt("seq"), rs.getString("text"), null, sentAt);
        }
        String article = rs.getString("source_article");
        Answer.Source source = article == null
                ? null
                : new Answer.Source(
                        article,
                        titles.articleTitle(article),
                        rs.getString("source_section"),
                        rs.getString("source_anchor"));
        double confidence = rs.getDouble("confidence");
        Double storedConfidence = rs.wasNull() ? null : confidence;
        String actions = rs.getString("actions");
        BotMessage.Kind kind = BotMessage.Kind.ofWire(rs.getString("kind"));
        BotMessage bot = new BotMessage(
                kind,
                rs.getString("text"),
                source,
                storedConfidence,
                actions == null || actions.isEmpty() ? List.of() : BotMessage.Action.forTypes(actions.split(",")),
                kind == BotMessage.Kind.GREETING ? titles.suggestions() : List.of(),
                rs.getBoolean("emergency"),
                rs.getString("rule_id"),
                rs.getString("disclaimer"),
                rs.getString("basis"),
                rs.getString("language"));
        return new TranscriptMessage(rs.getInt("seq"), null, bot, sentAt);
    }

    /** Article titles are not stored with each message: they come from the knowledge base. */
    interface SourceTitles {
        String articleTitle(String articleId);

        List<String> suggestions();
    }
}

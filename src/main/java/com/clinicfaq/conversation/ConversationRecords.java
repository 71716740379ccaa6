package com.clinicfaq.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored conversations as other modules read them (issue #18: no other module names this module's tables):
 * analytics' figures, and the replies curation looks into for what the bot missed. A visitor message's outcome is the
 * bot message that follows it. Days are the server's (timestamps are stored in its time zone); the SQL is plain enough
 * for H2 (PostgreSQL mode) and PostgreSQL alike. Texts come as the visitor typed them: whoever shows them normalises and
 * masks them first, and none is logged.
 */
@Repository
public class ConversationRecords {

    /** Every visitor message in the range with the bot's first reply to it: the reply's kind, rule and source. */
    private static final String REPLIES = """
            select cast(v.sent_at as date) as on_day, lower(v.text) as question, b.kind as kind, b.rule_id as rule_id,
                   b.source_article as article_id, b.source_section as section_title,
                   case when b.confidence < :low then 1 else 0 end as low,
                   case when coalesce(b.rule_id, '') = '' then 0 else 1 end as ruled
            from message v
            join message b on b.conversation_id = v.conversation_id and b.seq = v.seq + 1 and b.sender = 'BOT'
            where v.sender = 'VISITOR' and v.sent_at >= :start and v.sent_at < :end""";

    /**
     * Each visitor message the bot did not know, answered below {@code :low}, or answered with what the visitor said did
     * not help, with its reply, and whether a contact form opened within two messages (the visitor then asked for a
     * person); counted by text as typed (in lower case) and reply.
     */
    private static final String MISSED = """
            select question, kind, low, ruled, handoff, unhelpful, item, answer, count(*) as n, max(sent_at) as last_asked from (
              select lower(v.text) as question, v.sent_at as sent_at, b.kind as kind,
                     case when b.confidence < :low then 1 else 0 end as low,
                     case when coalesce(b.rule_id, '') = '' then 0 else 1 end as ruled,
                     case when b.helpful = false then 1 else 0 end as unhelpful,
                     case when b.kind = 'unknown' then null else coalesce(b.rule_id, '') end as item,
                     case when b.kind = 'unknown' then null else b.text end as answer,
                     case when exists (select 1 from message h where h.conversation_id = b.conversation_id
                                       and h.kind = 'handoff.form' and h.seq > b.seq and h.seq <= b.seq + 2)
                          then 1 else 0 end as handoff
              from message v
              join message b on b.conversation_id = v.conversation_id and b.seq = v.seq + 1 and b.sender = 'BOT'
              where v.sender = 'VISITOR' and v.sent_at >= :start and v.sent_at < :end
                and (b.kind = 'unknown' or (b.kind = 'answer' and b.confidence < :low) or b.helpful = false)
            ) r
            group by question, kind, low, ruled, handoff, unhelpful, item, answer
            order by n desc, question fetch first %d rows only""";

    /** The visitor messages whose reply was not urgent guidance (or that got no reply), newest first. */
    private static final String NOT_URGENT_WHEN_SENT = """
            select v.conversation_id as conversation_id, v.seq as seq, v.text as text, v.sent_at as sent_at
            from message v
            left join message b on b.conversation_id = v.conversation_id and b.seq = v.seq + 1 and b.sender = 'BOT'
            where v.sender = 'VISITOR' and v.kind = 'message' and v.sent_at >= :start and v.sent_at < :end
              and (b.conversation_id is null or (b.kind <> 'emergency' and b.emergency = false))
            order by v.sent_at desc, v.conversation_id, v.seq fetch first %d rows only""";

    /** Conversations started on a day. */
    public record Started(LocalDate day, int count) {}

    /**
     * Visitor messages of a day whose first reply was of {@code kind}, below the low-confidence threshold or not, with a
     * rule or knowledge item behind it or not.
     */
    public record Replies(LocalDate day, BotMessage.Kind kind, boolean low, boolean ruled, int count) {}

    /** A knowledge item answered {@code count} times at or above the threshold, with the article and section of its source. */
    public record Answered(String itemId, String articleId, String sectionTitle, int count) {}

    /** Visitors' answers to "Did this answer your question?". */
    public record Feedback(int helpful, int notHelpful) {}

    /**
     * Visitor messages the bot missed, by text as typed (in lower case) and reply.
     *
     * @param kind the bot's reply: "unknown" or "answer"
     * @param ruled whether a rule or knowledge item was behind the reply (for "unknown": an out-of-scope topic)
     * @param unhelpful whether the visitor said the answer did not help
     * @param handoff whether a contact form opened right after (the visitor asked for a person)
     * @param itemId the knowledge item behind an answer ("" when none); null for "unknown"
     * @param answer the answer as the bot gave it; null for "unknown"
     */
    public record MissedReply(
            String question,
            String kind,
            boolean ruled,
            boolean unhelpful,
            boolean handoff,
            String itemId,
            String answer,
            int count,
            Instant lastAsked) {}

    /** A visitor's message: its conversation, its place in it, its text and when it was sent. */
    public record VisitorMessage(UUID conversationId, int seq, String text, Instant sentAt) {}

    private final JdbcClient jdbc;

    ConversationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The conversations started from {@code start} (inclusive) to {@code end} (exclusive), by day. */
    public List<Started> startedByDay(Timestamp start, Timestamp end) {
        return jdbc.sql("""
                select on_day, count(*) as n from (
                  select cast(started_at as date) as on_day from conversation where started_at >= :start and started_at < :end
                ) c group by on_day""")
                .param("start", start)
                .param("end", end)
                .query((rs, n) -> new Started(rs.getObject("on_day", LocalDate.class), rs.getInt("n")))
                .list();
    }

    /** The visitor messages of the range by day and by what their first reply was. */
    public List<Replies> repliesByDay(Timestamp start, Timestamp end, double lowConfidence) {
        return replies(
                        "select on_day, kind, low, ruled, count(*) as n from (" + REPLIES
                                + ") r group by on_day, kind, low, ruled",
                        start,
                        end,
                        lowConfidence)
                .query((rs, n) -> new Replies(
                        rs.getObject("on_day", LocalDate.class),
                        BotMessage.Kind.ofWire(rs.getString("kind")),
                        rs.getInt("low") == 1,
                        rs.getInt("ruled") == 1,
                        rs.getInt("n")))
                .list();
    }

    /** The {@code most} knowledge items answered most often at or above the threshold in the range, most first. */
    public List<Answered> mostAnswered(Timestamp start, Timestamp end, double lowConfidence, int most) {
        return replies("""
                select rule_id, max(article_id) as article_id, max(section_title) as section_title, count(*) as n
                from (%s) r where kind = 'answer' and low = 0 and ruled = 1
                group by rule_id order by n desc, rule_id fetch first %d rows only""".formatted(REPLIES, most), start, end, lowConfidence)
                .query((rs, n) -> new Answered(
                        rs.getString("rule_id"),
                        rs.getString("article_id"),
                        rs.getString("section_title"),
                        rs.getInt("n")))
                .list();
    }

    /** The visitors' answers to "Did this answer your question?" on the bot's messages sent in the range. */
    public Feedback feedback(Timestamp start, Timestamp end) {
        int[] feedback = new int[2]; // helpful, not
        jdbc.sql("""
                select helpful, count(*) as n from message
                where sender = 'BOT' and helpful is not null and sent_at >= :start and sent_at < :end group by helpful""").param("start", start).param("end", end).query((RowCallbackHandler)
                rs -> feedback[rs.getBoolean("helpful") ? 0 : 1] += rs.getInt("n"));
        return new Feedback(feedback[0], feedback[1]);
    }

    /** The {@code most} most frequent ways visitor messages of the range were missed (see {@link MissedReply}), most first. */
    public List<MissedReply> missedReplies(Timestamp start, Timestamp end, double lowConfidence, int most) {
        return replies(MISSED.formatted(most), start, end, lowConfidence)
                .query((rs, n) -> new MissedReply(
                        rs.getString("question"),
                        rs.getString("kind"),
                        rs.getInt("ruled") == 1,
                        rs.getInt("unhelpful") == 1,
                        rs.getInt("handoff") == 1,
                        rs.getString("item"),
                        rs.getString("answer"),
                        rs.getInt("n"),
                        rs.getTimestamp("last_asked").toInstant()))
                .list();
    }

    /**
     * The visitor messages (typed, not buttons) of the range that got no urgent guidance when they were sent: their reply
     * was not an emergency, or there was none. The {@code most} most recent, newest first.
     */
    public List<VisitorMessage> notUrgentWhenSent(Timestamp start, Timestamp end, int most) {
        return jdbc.sql(NOT_URGENT_WHEN_SENT.formatted(most))
                .param("start", start)
                .param("end", end)
                .query((rs, row) -> new VisitorMessage(
                        rs.getObject("conversation_id", UUID.class),
                        rs.getInt("seq"),
                        rs.getString("text"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    private JdbcClient.StatementSpec replies(String sql, Timestamp start, Timestamp end, double lowConfidence) {
        return jdbc.sql(sql).param("low", lowConfidence).param("start", start).param("end", end);
    }
}

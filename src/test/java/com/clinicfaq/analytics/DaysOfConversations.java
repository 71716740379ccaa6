package com.clinicfaq.analytics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two days of stored conversations with every kind of outcome, written straight to the tables, for
 * the analytics' exact figures on H2 and PostgreSQL alike. On the first day: one conversation with
 * an answer, an unknown (the visitor typed a phone number), an out-of-scope question and a
 * low-confidence answer; one with urgent guidance and a handoff request. On the second: the
 * out-of-scope question again, worded differently, and the same answer again.
 */
public final class DaysOfConversations {

    public static final String ARTICLE = "kyphoplasty-compression-fractures";
    public static final String FAQ = "procedure-duration";
    public static final String FAQ_QUESTION = "How long does the procedure take?";
    public static final String NAME = "Harriet Hidden";
    public static final String PHONE = "707-555-0100";
    public static final String EMAIL = "harriet@example.com";

    private final JdbcClient jdbc;

    public DaysOfConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(LocalDate first) {
        LocalDate second = first.plusDays(1);
        UUID questions = conversation(first, 10, false);
        visitorAndBot(questions, 2, "How long does the procedure take?", "answer", 0.92, FAQ);
        visitorAndBot(
                questions, 4, "Please call me at " + PHONE + " or " + EMAIL + " about the bill!", "unknown", null, "");
        visitorAndBot(questions, 6, "What does it COST?", "unknown", null, "cost");
        visitorAndBot(questions, 8, "and the recovery", "answer", 0.76, ARTICLE + "#recovery/1");

        UUID emergency = conversation(first, 11, true);
        visitorAndBot(emergency, 2, "i cant feel my legs", "emergency", null, "leg-numbness");
        jdbc.sql("""
                insert into handoff_request (id, conversation_id, name, phone, email, consent_contact, consent_share,
                                             emergency, status, created_at)
                values (?, ?, ?, ?, ?, true, true, true, 'NEW', ?)""")
                .params(UUID.randomUUID(), emergency, NAME, PHONE, EMAIL, at(first, 11))
                .update();

        UUID again = conversation(second, 9, false);
        visitorAndBot(again, 2, "  what does it cost ", "unknown", null, "cost");
        visitorAndBot(again, 4, "how long does the procedure take", "answer", 0.95, FAQ);
    }

    private UUID conversation(LocalDate day, int hour, boolean emergency) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into conversation (id, started_at, last_activity_at, emergency) values (?, ?, ?, ?)")
                .params(id, at(day, hour), at(day, hour), emergency)
                .update();
        jdbc.sql("""
                insert into message (conversation_id, seq, sender, kind, text, rule_id, disclaimer, sent_at)
                values (?, 1, 'BOT', 'greeting', 'Hello.', '', 'Not medical advice.', ?)""").params(id, at(day, hour)).update();
        return id;
    }

    private void visitorAndBot(
            UUID conversation, int seq, String question, String kind, Double confidence, String ruleId) {
        Timestamp at = jdbc.sql("select started_at from conversation where id = ?")
                .param(conversation)
                .query(Timestamp.class)
                .single();
        jdbc.sql(
                        "insert into message (conversation_id, seq, sender, kind, text, sent_at) values (?, ?, 'VISITOR', 'message', ?, ?)")
                .params(conversation, seq, question, at)
                .update();
        boolean answer = kind.equals("answer");
        jdbc.sql("""
                insert into message (conversation_id, seq, sender, kind, text, source_article, source_section, confidence,
                                     rule_id, emergency, disclaimer, sent_at)
                values (?, ?, 'BOT', ?, 'A reply.', ?, ?, ?, ?, ?, 'Not medical advice.', ?)""")
                .params(
                        conversation,
                        seq + 1,
                        kind,
                        answer ? ARTICLE : null,
                        answer ? "Recovery" : null,
                        confidence,
                        ruleId,
                        kind.equals("emergency"),
                        at)
                .update();
    }

    private static Timestamp at(LocalDate day, int hour) {
        return Timestamp.valueOf(day.atTime(LocalTime.of(hour, 0)));
    }
}

package com.clinicfaq.curation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visitors' questions the bot missed, read from the stored conversations: a visitor message whose next
 * message is the bot saying it does not know, or answering below {@link MissedQuestionsProperties#lowConfidence()},
 * or an answer the visitor said did not help ("Did this answer your question?" "No").
 * Texts come normalised with contact details masked ({@link QuestionTexts}); nothing else of the conversation
 * (no id, no contact form) leaves here. The SQL is plain enough for H2 (PostgreSQL mode) and PostgreSQL alike.
 */
@Repository
public class MissedQuestions {

    /** How many of the most frequent texts (as typed, in lower case) are read: plenty for pages that show a few dozen. */
    static final int MOST_FREQUENT = 500;

    /**
     * Why a question counts as missed. An out-of-scope topic is a question the knowledge base declines on
     * purpose; a handoff is an unknown after which the visitor took up the offer of a person (by the button,
     * by saying yes, or by asking for an appointment).
     */
    public enum Reason {
        NOT_IN_KNOWLEDGE_BASE("Not in the knowledge base"),
        OUT_OF_SCOPE("Out of scope"),
        LOW_CONFIDENCE("Answered with low confidence"),
        NOT_HELPFUL("Visitor said the answer did not help"),
        HANDOFF("Visitor then asked to be contacted");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One question as visitors typed it (normalised, masked), how often it was missed and why, and when last.
     *
     * @param unhelpful the answers visitors said did not help, by the knowledge base item behind each (issue #19)
     */
    public record Missed(String text, int count, Set<Reason> reasons, Instant lastAsked, Map<String, String> unhelpful) {

        public Missed(String text, int count, Set<Reason> reasons, Instant lastAsked) {
            this(text, count, reasons, lastAsked, Map.of());
        }
    }

    private static final String MISSED = """
            select question, kind, low, ruled, handoff, unhelpful_item, unhelpful_answer, count(*) as n, max(sent_at) as last_asked from (
              select lower(v.text) as question, v.sent_at as sent_at, b.kind as kind,
                     case when b.confidence < :low then 1 else 0 end as low,
                     case when coalesce(b.rule_id, '') = '' then 0 else 1 end as ruled,
                     case when b.helpful = false then coalesce(b.rule_id, '') end as unhelpful_item,
                     case when b.helpful = false then b.text end as unhelpful_answer,
                     case when exists (select 1 from message h where h.conversation_id = b.conversation_id
                                       and h.kind = 'handoff.form' and h.seq > b.seq and h.seq <= b.seq + 2)
                          then 1 else 0 end as handoff
              from message v
              join message b on b.conversation_id = v.conversation_id and b.seq = v.seq + 1 and b.sender = 'BOT'
              where v.sender = 'VISITOR' and v.sent_at >= :start and v.sent_at < :end
                and (b.kind = 'unknown' or (b.kind = 'answer' and b.confidence < :low) or b.helpful = false)
            ) r
            group by question, kind, low, ruled, handoff, unhelpful_item, unhelpful_answer
            order by n desc, question fetch first %d rows only""".formatted(MOST_FREQUENT);

    private final JdbcClient jdbc;
    private final MissedQuestionsProperties properties;

    MissedQuestions(JdbcClient jdbc, MissedQuestionsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The confidence below which an answer counts as missed. */
    public double lowConfidence() {
        return properties.lowConfidence();
    }

    /**
     * The questions missed from {@code start} (inclusive) to {@code end} (exclusive), one per normalised text,
     * most missed first.
     *
     * @param outOfScope whether questions the knowledge base declines on purpose count
     */
    public List<Missed> between(Timestamp start, Timestamp end, boolean outOfScope) {
        Map<String, Tally> byText = new LinkedHashMap<>();
        jdbc.sql(MISSED).param("low", properties.lowConfidence()).param("start", start).param("end", end)
                .query((RowCallbackHandler) rs -> {
                    boolean declined = rs.getString("kind").equals("unknown") && rs.getInt("ruled") == 1;
                    if (declined && !outOfScope) {
                        return;
                    }
                    Tally tally = byText.computeIfAbsent(QuestionTexts.normalise(rs.getString("question")), t -> new Tally());
                    tally.count += rs.getInt("n");
                    String unhelpful = rs.getString("unhelpful_answer");
                    if (unhelpful != null) {
                        tally.reasons.add(Reason.NOT_HELPFUL);
                        tally.unhelpful.putIfAbsent(rs.getString("unhelpful_item"), unhelpful);
                    } else {
                        tally.reasons.add(rs.getString("kind").equals("answer") ? Reason.LOW_CONFIDENCE
                                : declined ? Reason.OUT_OF_SCOPE : Reason.NOT_IN_KNOWLEDGE_BASE);
                    }
                    if (rs.getInt("handoff") == 1) {
                        tally.reasons.add(Reason.HANDOFF);
                    }
                    Instant last = rs.getTimestamp("last_asked").toInstant();
                    tally.lastAsked = tally.lastAsked == null || last.isAfter(tally.lastAsked) ? last : tally.lastAsked;
                });
        return byText.entrySet().stream()
                .map(e -> new Missed(e.getKey(), e.getValue().count, Collections.unmodifiableSet(e.getValue().reasons),
                        e.getValue().lastAsked, Map.copyOf(e.getValue().unhelpful)))
                .sorted(Comparator.comparingInt(Missed::count).reversed().thenComparing(Missed::text))
                .toList();
    }

    private static final class Tally {
        int count;
        final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        final Map<String, String> unhelpful = new LinkedHashMap<>();
        Instant lastAsked;
    }
}

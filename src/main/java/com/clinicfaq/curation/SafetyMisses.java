package com.clinicfaq.curation;

import com.clinicfaq.conversation.VisitorTurns;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.staff.SafetyReview;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Safety misses, for clinical review by administrators (issue #20): visitor messages that got no urgent guidance when
 * they were sent, or whose turn failed with an error, but that the live policy now decides are emergencies (its
 * red-flag rules caught up with them). They are never among the editors' unanswered questions
 * ({@link UnansweredQuestions} leaves them out). Read from the stored conversations with SQL plain enough for H2
 * (PostgreSQL mode) and PostgreSQL (issue #18: to move behind the conversation module's API), the failed turns through
 * {@link VisitorTurns}; the messages' text is never logged.
 */
@Service
public class SafetyMisses implements SafetyReview {

    /** The most recent visitor messages of a period that are read again: plenty for a list reviewed every few days. */
    static final int MOST_RECENT = 5000;
    /** The decisions remembered for one live policy, before they are forgotten and made again. */
    private static final int REMEMBERED = 20_000;

    private static final String NOT_URGENT_WHEN_SENT = """
            select v.conversation_id as conversation_id, v.seq as seq, v.text as text, v.sent_at as sent_at
            from message v
            left join message b on b.conversation_id = v.conversation_id and b.seq = v.seq + 1 and b.sender = 'BOT'
            where v.sender = 'VISITOR' and v.kind = 'message' and v.sent_at >= :start and v.sent_at < :end
              and (b.conversation_id is null or (b.kind <> 'emergency' and b.emergency = false))
            order by v.sent_at desc, v.conversation_id, v.seq fetch first %d rows only""".formatted(MOST_RECENT);

    /** The decisions of one policy, by message text: the badge on every administrator's page does not decide again. */
    private record Decided(ConversationPolicy policy, Map<String, Optional<Decision.Emergency>> emergencies) {}

    private final JdbcClient jdbc;
    private final VisitorTurns turns;
    private final LiveKnowledge live;
    private final Clock clock;
    private final AtomicReference<Decided> decided = new AtomicReference<>();

    SafetyMisses(JdbcClient jdbc, VisitorTurns turns, LiveKnowledge live, Clock clock) {
        this.jdbc = jdbc;
        this.turns = turns;
        this.live = live;
        this.clock = clock;
    }

    /** Today, on the calendar the stored days use (the server's). */
    @Override
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    /** The misses sent from {@code from} to {@code to} (whole days), newest first. */
    @Override
    public List<Miss> between(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.valueOf(from.atStartOfDay());
        Timestamp end = Timestamp.valueOf(to.plusDays(1).atStartOfDay());
        List<Miss> sent = jdbc.sql(NOT_URGENT_WHEN_SENT)
                .param("start", start)
                .param("end", end)
                .query((rs, row) -> new Miss(rs.getObject("conversation_id", UUID.class), rs.getInt("seq"), rs.getString("text"),
                        rs.getTimestamp("sent_at").toInstant(), "", ""))
                .list();
        List<Miss> failed = turns.failedTurns(start.toInstant(), end.toInstant()).stream()
                .map(f -> new Miss(f.conversationId(), 0, f.text(), f.failedAt(), "", "", true))
                .toList();
        return java.util.stream.Stream.concat(sent.stream(), failed.stream())
                .flatMap(miss -> emergencyNow(miss.text()).map(e -> new Miss(miss.conversationId(), miss.seq(), miss.text(),
                        miss.sentAt(), e.ruleId(), e.title(), miss.failedTurn())).stream())
                .sorted(java.util.Comparator.comparing(Miss::sentAt).reversed())
                .toList();
    }

    /** The urgent guidance the live policy gives {@code text} now, if it does. */
    public Optional<Decision.Emergency> emergencyNow(String text) {
        ConversationPolicy policy = live.policy();
        Decided current = decided.updateAndGet(d -> d == null || d.policy() != policy || d.emergencies().size() > REMEMBERED
                ? new Decided(policy, new ConcurrentHashMap<>()) : d);
        return current.emergencies().computeIfAbsent(text,
                t -> policy.decide(t) instanceof Decision.Emergency emergency ? Optional.of(emergency) : Optional.empty());
    }
}

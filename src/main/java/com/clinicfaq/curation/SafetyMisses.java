package com.clinicfaq.curation;

import com.clinicfaq.conversation.ConversationRecords;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Safety misses, for clinical review by administrators (issue #20): visitor messages that got no urgent guidance when
 * they were sent, or whose turn failed with an error, but that the live policy now decides are emergencies (its
 * red-flag rules caught up with them). They are never among the editors' unanswered questions
 * ({@link UnansweredQuestions} leaves them out). The messages come from the conversation module's
 * {@link ConversationRecords#notUrgentWhenSent}, the failed turns through {@link VisitorTurns}; the messages' text is
 * never logged.
 */
@Service
public class SafetyMisses implements SafetyReview {

    /** The most recent visitor messages of a period that are read again: plenty for a list reviewed every few days. */
    static final int MOST_RECENT = 5000;
    /** The decisions remembered for one live policy, before they are forgotten and made again. */
    private static final int REMEMBERED = 20_000;

    /** The decisions of one policy, by message text: the badge on every administrator's page does not decide again. */
    private record Decided(ConversationPolicy policy, Map<String, Optional<Decision.Emergency>> emergencies) {}

    private final ConversationRecords conversations;
    private final VisitorTurns turns;
    private final LiveKnowledge live;
    private final Clock clock;
    private final AtomicReference<Decided> decided = new AtomicReference<>();

    SafetyMisses(ConversationRecords conversations, VisitorTurns turns, LiveKnowledge live, Clock clock) {
        this.conversations = conversations;
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
        List<Miss> sent = conversations.notUrgentWhenSent(start, end, MOST_RECENT).stream()
                .map(m -> new Miss(m.conversationId(), m.seq(), m.text(), m.sentAt(), "", ""))
                .toList();
        List<Miss> failed = turns.failedTurns(start.toInstant(), end.toInstant()).stream()
                .map(f -> new Miss(f.conversationId(), 0, f.text(), f.failedAt(), "", "", true))
                .toList();
        return java.util.stream.Stream.concat(sent.stream(), failed.stream())
                .flatMap(miss -> emergencyNow(miss.text())
                        .map(e -> new Miss(
                                miss.conversationId(),
                                miss.seq(),
                                miss.text(),
                                miss.sentAt(),
                                e.ruleId(),
                                e.title(),
                                miss.failedTurn()))
                        .stream())
                .sorted(java.util.Comparator.comparing(Miss::sentAt).reversed())
                .toList();
    }

    /** The urgent guidance the live policy gives {@code text} now, if it does. */
    public Optional<Decision.Emergency> emergencyNow(String text) {
        ConversationPolicy policy = live.policy();
        Decided current = decided.updateAndGet(
                d -> d == null || d.policy() != policy || d.emergencies().size() > REMEMBERED
                        ? new Decided(policy, new ConcurrentHashMap<>())
                        : d);
        return current.emergencies()
                .computeIfAbsent(
                        text,
                        t -> policy.decide(t) instanceof Decision.Emergency emergency
                                ? Optional.of(emergency)
                                : Optional.empty());
    }
}

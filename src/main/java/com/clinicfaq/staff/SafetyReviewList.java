package com.clinicfaq.staff;

import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the safety review lists (issue #20): the messages the live policy now answers with urgent guidance that the bot
 * did not, or whose turn failed ({@link SafetyReview}, supplied by curation) and the messages staff marked as missed emergencies
 * ({@link MissedEmergencyMarks}), one row a message, newest first.
 */
@Service
class SafetyReviewList {

    /**
     * One visitor message for clinical review.
     *
     * @param ruleId the rule that now catches it, "" when none does (staff marked it)
     * @param markedBy who marked it as a missed emergency, "" when nobody did
     * @param markedAt when, or null
     * @param failedTurn its turn failed with an error: the visitor got no reply, and it is not in the transcript
     * @param stored its conversation is stored, with a transcript to open (one whose first turn failed is not)
     */
    record Listed(
            UUID conversationId,
            int seq,
            String text,
            Instant sentAt,
            String ruleId,
            String ruleTitle,
            String markedBy,
            Instant markedAt,
            boolean failedTurn,
            boolean stored) {

        public boolean caughtByARule() {
            return !ruleId.isEmpty();
        }

        public boolean marked() {
            return !markedBy.isEmpty();
        }
    }

    private final SafetyReview misses;
    private final MissedEmergencyMarks marks;
    private final ConversationService conversations;

    SafetyReviewList(SafetyReview misses, MissedEmergencyMarks marks, ConversationService conversations) {
        this.misses = misses;
        this.marks = marks;
        this.conversations = conversations;
    }

    /**
     * The messages of the last {@code days} days, today included: those the rules now catch sent in those days, and those
     * marked that were sent or marked in them.
     */
    List<Listed> lastDays(int days) {
        LocalDate to = misses.today();
        LocalDate from = to.minusDays(days - 1);
        Instant start = from.atStartOfDay(ZoneId.systemDefault()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        Map<String, Listed> listed = new LinkedHashMap<>();
        for (SafetyReview.Miss miss : misses.between(from, to)) {
            String key = miss.failedTurn()
                    ? "failed " + miss.conversationId() + " " + miss.sentAt()
                    : key(miss.conversationId(), miss.seq());
            boolean stored = !miss.failedTurn()
                    || conversations.message(miss.conversationId(), 1).isPresent();
            listed.put(
                    key,
                    new Listed(
                            miss.conversationId(),
                            miss.seq(),
                            miss.text(),
                            miss.sentAt(),
                            miss.ruleId(),
                            miss.ruleTitle(),
                            "",
                            null,
                            miss.failedTurn(),
                            stored));
        }
        for (MissedEmergencyMarks.Mark mark : marks.all()) {
            Optional<TranscriptMessage> message =
                    conversations.message(mark.conversationId(), mark.seq()).filter(TranscriptMessage::fromVisitor);
            if (message.isEmpty()
                    || !(within(message.get().sentAt(), start, end) || within(mark.markedAt(), start, end))) {
                continue;
            }
            String key = key(mark.conversationId(), mark.seq());
            Listed caught = listed.get(key);
            listed.put(
                    key,
                    new Listed(
                            mark.conversationId(),
                            mark.seq(),
                            message.get().visitorText(),
                            message.get().sentAt(),
                            caught == null ? "" : caught.ruleId(),
                            caught == null ? "" : caught.ruleTitle(),
                            mark.markedBy(),
                            mark.markedAt(),
                            false,
                            true));
        }
        List<Listed> rows = new ArrayList<>(listed.values());
        rows.sort(Comparator.comparing(Listed::sentAt)
                .reversed()
                .thenComparing(l -> l.conversationId().toString())
                .thenComparing(Listed::seq));
        return rows;
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    private static String key(UUID conversation, int seq) {
        return conversation + "/" + seq;
    }
}

package com.clinicfaq.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the console's safety review lists for administrators (issue #20): visitor messages the bot did not treat as
 * urgent (or whose turn failed with an error) that the live policy now does. The console owns the list and its pages; the module that keeps the live policy
 * supplies the misses (curation's {@code SafetyMisses}), so that the console does not depend on it. The console adds
 * the messages staff flagged as missed emergencies ({@link MissedEmergencyMarks}, {@link SafetyReviewList}).
 */
public interface SafetyReview {

    /**
     * One visitor message the bot did not treat as urgent, and the rule that now would.
     *
     * @param conversationId its conversation, for its transcript
     * @param seq its place in the transcript; 0 for a failed turn
     * @param text as the visitor typed it
     * @param failedTurn its turn failed with an error: the visitor got no reply at all, and the message is not in the
     *     transcript (the turn was rolled back)
     */
    record Miss(
            UUID conversationId,
            int seq,
            String text,
            Instant sentAt,
            String ruleId,
            String ruleTitle,
            boolean failedTurn) {

        public Miss(UUID conversationId, int seq, String text, Instant sentAt, String ruleId, String ruleTitle) {
            this(conversationId, seq, text, sentAt, ruleId, ruleTitle, false);
        }
    }

    /** Today, on the calendar the stored days use. */
    LocalDate today();

    /** The misses sent from {@code from} to {@code to} (whole days), newest first. */
    List<Miss> between(LocalDate from, LocalDate to);
}

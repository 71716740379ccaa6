package com.clinicfaq.handoff;

import java.time.Instant;
import java.util.UUID;

/** A stored handoff request, as staff see it. */
public record HandoffRequest(
        UUID id,
        UUID conversationId,
        String name,
        String phone,
        String email,
        String preferredTime,
        String reason,
        boolean consentContact,
        boolean consentShare,
        boolean emergency,
        Status status,
        Instant createdAt,
        String assignedTo) {

    /** Where staff are with a request; it moves forward only. */
    public enum Status {
        NEW,
        IN_PROGRESS,
        CLOSED;

        /** The status in words, as staff read it ("In progress"); the code stays in the database and the audit log. */
        public String label() {
            String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }

        public boolean canBecome(Status next) {
            return next.ordinal() > ordinal();
        }
    }
}

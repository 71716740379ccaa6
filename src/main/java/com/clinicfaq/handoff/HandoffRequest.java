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

        public boolean canBecome(Status next) {
            return next.ordinal() > ordinal();
        }
    }
}

package com.clinicfaq.handoff;

/** What the visitor filled in; any field may be null or nonsense until validated. */
public record HandoffSubmission(
        String name,
        String phone,
        String email,
        String preferredTime,
        String reason,
        boolean consentContact,
        boolean consentShare) {}

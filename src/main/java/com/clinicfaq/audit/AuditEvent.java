package com.clinicfaq.audit;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit log: when, who, what, the handoff request it concerns (or null) and its detail (or null). */
public record AuditEvent(Instant at, String username, String action, UUID handoffId, String detail) {}

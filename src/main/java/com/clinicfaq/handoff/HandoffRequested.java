package com.clinicfaq.handoff;

import java.util.UUID;

/** Published once a handoff request is stored: ids only, never contact or health details. */
public record HandoffRequested(UUID handoffId, UUID conversationId, boolean emergency) {}

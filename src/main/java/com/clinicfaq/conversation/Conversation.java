package com.clinicfaq.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation's state as stored. */
record Conversation(
        UUID id, Instant startedAt, Instant lastActivityAt, boolean emergency, Stage stage, String topicArticle) {}

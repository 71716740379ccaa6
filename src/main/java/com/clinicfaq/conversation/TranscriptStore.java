package com.clinicfaq.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a conversation's turns are written: the database ({@link Transcripts}), or, while it cannot be
 * reached, the local outbox ({@link OutageTranscripts}) that is written to the database once it is back.
 */
interface TranscriptStore {

    /** Stores a new conversation under the id it was opened with, started at {@code startedAt}. */
    Conversation create(UUID id, Instant startedAt);

    Optional<Conversation> find(UUID id);

    void update(UUID id, Stage stage, String topicArticle, boolean emergency, Instant now);

    Optional<Integer> seqOfClientMessage(UUID conversation, String clientId);

    int appendVisitor(UUID conversation, String clientId, String text, Instant now);

    TranscriptMessage appendBot(UUID conversation, BotMessage bot, Instant now);

    /** The language the bot last spoke in the conversation ("en", "es"), if it was recorded. */
    default Optional<String> language(UUID conversation) {
        return Optional.empty();
    }
}

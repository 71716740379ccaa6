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

    /**
     * Records whether the bot's answer at {@code seq} answered the visitor's question; returns what it answered (the
     * visitor's question and the knowledge base item), empty when that message is no answer of the conversation. A store
     * that cannot record it (the outbox, while the database is out of reach) answers empty: the visitor's feedback is a
     * signal for editors, not something the visitor was told.
     */
    default Optional<Answered> recordFeedback(UUID conversation, int seq, boolean helpful) {
        return Optional.empty();
    }

    /** A bot answer (its knowledge base item and article) and the visitor's question before it. */
    record Answered(String question, String itemId, String articleId) {}

    /**
     * The visitor's question that the conversation's last answer from an article answered (the one that gave the
     * conversation its topic), so that an elliptical follow-up is read after it ("what about the low back?"); empty where
     * there is none or the store cannot say.
     */
    default Optional<String> answeredQuestion(UUID conversation) {
        return Optional.empty();
    }

    /** The language the bot last spoke in the conversation ("en", "es"), if it was recorded. */
    default Optional<String> language(UUID conversation) {
        return Optional.empty();
    }
}

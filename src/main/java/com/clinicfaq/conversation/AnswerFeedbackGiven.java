package com.clinicfaq.conversation;

import java.util.UUID;

/**
 * Published once a visitor's "Did this answer your question?" is recorded on a bot answer (issue #19): whether it
 * helped, never the question or the answer.
 */
public record AnswerFeedbackGiven(UUID conversationId, boolean helpful) {}

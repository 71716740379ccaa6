package com.clinicfaq.conversation;

import java.time.Instant;
import java.util.List;

/**
 * What the unanswered-questions page needs of the stored conversations beyond the bot's own verdict on each message
 * (issue #20): what visitors did right after an answer, and the turns that failed with an error. The conversation
 * module owns the conversations and this API (its {@code StoredTurns} answers it), so that curation reads none of its
 * tables; the conversation module depends on nothing of curation's (what is live it asks through
 * {@code knowledge.CurrentKnowledge} and {@code policy.CurrentPolicy}). Texts come as the visitor typed them; curation
 * normalises and masks them ({@code curation.QuestionTexts}) before any page shows them.
 */
public interface VisitorTurns {

    /** The most rows either list returns, newest first: plenty for a page that shows a few dozen groups. */
    int MOST_RECENT = 3000;

    /** What the visitor did at once after an answer: their next input in the conversation. */
    enum Next {
        /**
         * Asked for a person: the next message was answered with the contact form (asked for staff, or said yes to an
         * offer) or referred to a clinician, or the visitor took up an offer of a person with its button.
         */
        PERSON,
        /** Said in words that the answer did not help ("that's not what I asked"), answered with an offer of a person. */
        COMPLAINT,
        /** Asked another question for the knowledge base (answered, not known, or "which procedure?"). */
        QUESTION
    }

    /**
     * A visitor's question answered from the knowledge base, at or above the low-confidence threshold, that the visitor
     * did not say was unhelpful with the widget's "no", and what the visitor did next at once.
     *
     * @param itemId the knowledge base item behind the answer (a FAQ id, or a passage id {@code article#anchor/n})
     * @param answer the answer as the bot gave it
     * @param nextQuestion for {@link Next#QUESTION}, the visitor's next message; else null
     * @param nextItemId for {@link Next#QUESTION}, the item the next message was answered with, or "" when it was not
     */
    record FollowedAnswer(
            String question,
            Instant askedAt,
            String itemId,
            String answer,
            Next next,
            String nextQuestion,
            String nextItemId) {}

    /**
     * A visitor's message whose turn failed with an error: not in its transcript (the turn was rolled back), and the
     * visitor was told something went wrong and to try again.
     *
     * @param conversationId its conversation (which may not be stored: its first message's turn stores it)
     * @param error the kind of error (the exception's class name), for whoever looks into it
     */
    record FailedTurn(java.util.UUID conversationId, String text, Instant failedAt, String error) {}

    /**
     * Answers given from {@code start} (inclusive) to {@code end} (exclusive) at a confidence of at least
     * {@code lowConfidence} that the visitor followed at once by a question, a complaint or asking for a person;
     * newest first, at most {@link #MOST_RECENT}.
     */
    List<FollowedAnswer> answersFollowed(Instant start, Instant end, double lowConfidence);

    /** The turns that failed from {@code start} (inclusive) to {@code end} (exclusive), newest first, at most {@link #MOST_RECENT}. */
    List<FailedTurn> failedTurns(Instant start, Instant end);
}

package com.clinicfaq.curation.web;

import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.Topics;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.Texts;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.ContextualAnswer;
import com.clinicfaq.search.Explanation;
import java.util.List;

/**
 * What the bot would say to a question, in the order the conversation takes it (conversation.ConversationService):
 * the safety policy first, and the knowledge base only for the branches that ask it (a question for a clinician, or
 * an ordinary question). As the first message of a conversation, or after earlier messages: each is asked in turn,
 * and the article of the last answer is the conversation's topic, which scopes a question that names no procedure
 * and completes an elliptical one ({@link ContextualAnswer}), as in the chat.
 *
 * @param branch the policy's branch, in words
 * @param ruleId the rule of {@code policy.yml} that decided, or "" for an ordinary question
 * @param replies the bot's messages, in order
 * @param answer the knowledge base's answer, when it was asked
 * @param candidates the items the engine weighed, best first, when it was asked
 * @param redFlag why urgent guidance was given (the words that matched, or the closest curated message and its
 *     similarity), or how close the message came to it; null when the policy reads no meaning
 * @param earlier the conversation's earlier messages, each as the bot took it
 * @param topic the title of the conversation's topic when the question was asked, or null for none
 */
record TryIt(
        String branch,
        String ruleId,
        List<String> replies,
        AnswerView answer,
        String corrected,
        List<Explanation.Weighed> candidates,
        String redFlag,
        List<Turn> earlier,
        String topic) {

    /** An earlier message of the conversation: the policy's branch, what the bot said, and from which section. */
    record Turn(String message, String branch, List<String> replies, String source) {}

    /** The most earlier messages tried at once: a short conversation, as a visitor's first few questions. */
    static final int MAX_EARLIER = 10;

    static final int CANDIDATES_SHOWN = 5;

    /** The knowledge base's answer as the page shows it. */
    record AnswerView(
            String outcome,
            String text,
            String source,
            String itemId,
            double confidence,
            String basis,
            String articleId) {

        static AnswerView of(Answer answer) {
            return switch (answer) {
                case Answer.Found found ->
                    new AnswerView(
                            "Found",
                            found.text(),
                            found.source().articleTitle() + " › "
                                    + found.source().sectionTitle(),
                            found.itemId(),
                            found.confidence(),
                            found.basis() == Answer.Basis.LEXICAL
                                    ? "the words alone (BM25)"
                                    : "words and meaning (hybrid)",
                            found.source().articleId());
                case Answer.OutOfScope outOfScope ->
                    new AnswerView(
                            "Out of scope",
                            outOfScope.topicTitle(),
                            null,
                            outOfScope.topicId(),
                            outOfScope.confidence(),
                            "words and meaning (hybrid)",
                            null);
                case Answer.Unknown unknown ->
                    new AnswerView("Unknown", null, null, null, unknown.confidence(), null, null);
                case Answer.Ambiguous ambiguous ->
                    new AnswerView(
                            "Which procedure?",
                            ambiguous.choices().stream()
                                    .map(Answer.Choice::name)
                                    .collect(java.util.stream.Collectors.joining(", ")),
                            null,
                            null,
                            ambiguous.confidence(),
                            "several procedures' articles answer it",
                            null);
            };
        }
    }

    static TryIt ask(String question, ConversationPolicy policy, AnswerEngine engine) {
        return ask(List.of(), question, policy, engine, null);
    }

    /**
     * The question after the earlier messages of a conversation, each asked in turn as the chat would.
     *
     * @param knowledge the knowledge base the engine answers from (for the topic's title and word), or null when there
     *     are no earlier messages
     */
    static TryIt ask(
            List<String> earlier,
            String question,
            ConversationPolicy policy,
            AnswerEngine engine,
            KnowledgeBase knowledge) {
        String topic = null;
        List<Turn> turns = new java.util.ArrayList<>();
        for (String message : earlier) {
            TryIt turn = alone(message, policy, engine, topic, word(knowledge, topic));
            turns.add(new Turn(
                    message,
                    turn.branch(),
                    turn.replies(),
                    turn.answer() == null ? null : turn.answer().source()));
            if (turn.answer() != null && turn.answer().articleId() != null) {
                topic = turn.answer().articleId();
            }
        }
        TryIt asked = alone(question, policy, engine, topic, word(knowledge, topic));
        String title = topic == null || knowledge == null
                ? null
                : knowledge.article(topic).map(a -> a.title()).orElse(null);
        return new TryIt(
                asked.branch,
                asked.ruleId,
                asked.replies,
                asked.answer,
                asked.corrected,
                asked.candidates,
                asked.redFlag,
                List.copyOf(turns),
                title);
    }

    private static String word(KnowledgeBase knowledge, String topic) {
        return topic == null || knowledge == null
                ? null
                : knowledge.article(topic).map(Topics::of).orElse(null);
    }

    private static TryIt alone(
            String question, ConversationPolicy policy, AnswerEngine engine, String topic, String word) {
        Texts texts = policy.rules().texts();
        Decision decision = policy.decide(question);
        String redFlag = decision instanceof Decision.Emergency emergency
                ? "urgent guidance: " + emergency.basis()
                : policy.closestRedFlag(question).orElse(null);
        return ask(question, decision, texts, engine, topic, word).withRedFlag(redFlag);
    }

    private TryIt withRedFlag(String redFlag) {
        return new TryIt(branch, ruleId, replies, answer, corrected, candidates, redFlag, earlier, topic);
    }

    /** The engine's explanation of the question as the chat asks it in the topic ({@link ContextualAnswer}). */
    private static Explanation explain(AnswerEngine engine, String question, String topic, String word) {
        ContextualAnswer.Asked asked = ContextualAnswer.asked(engine, question, topic, word);
        return engine.explain(asked.question(), topic, CANDIDATES_SHOWN);
    }

    private static TryIt ask(
            String question, Decision decision, Texts texts, AnswerEngine engine, String topic, String word) {
        return switch (decision) {
            case Decision.Emergency emergency ->
                policyOnly("Emergency", emergency, emergency.guidance(), texts.handoffOffer(emergency.language()));
            case Decision.NeedsClinician clinician -> {
                Explanation explanation = explain(engine, question, topic, word);
                List<String> replies = explanation.answer() instanceof Answer.Found found
                        ? List.of(found.text(), texts.clinicianNote() + " " + texts.handoffOffer())
                        : List.of(texts.clinicianNote(), texts.handoffOffer());
                yield withAnswer("Needs a clinician", clinician, replies, explanation);
            }
            case Decision.Booking booking -> policyOnly("Booking", booking, texts.handoffAccepted());
            case Decision.SmallTalk smallTalk -> policyOnly("Small talk", smallTalk, smallTalk.reply());
            case Decision.AskKnowledgeBase ask -> {
                Explanation explanation = explain(engine, question, topic, word);
                String reply = switch (explanation.answer()) {
                    case Answer.Found found -> found.text();
                    case Answer.OutOfScope outOfScope -> texts.outOfScope();
                    case Answer.Unknown unknown -> texts.unknown();
                    case Answer.Ambiguous ambiguous ->
                        texts.whichProcedure() + " "
                                + ambiguous.choices().stream()
                                        .map(Answer.Choice::name)
                                        .collect(java.util.stream.Collectors.joining(" / "));
                };
                yield withAnswer("Knowledge base", ask, List.of(reply), explanation);
            }
        };
    }

    /** Whether the bot would say the same, whatever the scores. */
    boolean saysTheSameAs(TryIt other) {
        return branch.equals(other.branch) && ruleId.equals(other.ruleId) && replies.equals(other.replies);
    }

    private static TryIt policyOnly(String branch, Decision decision, String... replies) {
        return new TryIt(branch, decision.ruleId(), List.of(replies), null, null, List.of(), null, List.of(), null);
    }

    private static TryIt withAnswer(String branch, Decision decision, List<String> replies, Explanation explanation) {
        return new TryIt(
                branch,
                decision.ruleId(),
                replies,
                AnswerView.of(explanation.answer()),
                explanation.corrected(),
                explanation.candidates(),
                null,
                List.of(),
                null);
    }
}

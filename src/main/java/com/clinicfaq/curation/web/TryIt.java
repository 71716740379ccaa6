package com.clinicfaq.curation.web;

import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.Topics;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.Language;
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
 * @param language the language the bot answers the question in, as the chat reads it (the message's own, else the
 *     conversation's)
 * @param reading the English the knowledge base read a question in another language as, or null
 * @param translated whether the answer is a translation's staff reviewed, in the visitor's language
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
        String topic,
        Language language,
        String reading,
        boolean translated) {

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
        Language language = Language.ENGLISH;
        String previous = null;
        List<Turn> turns = new java.util.ArrayList<>();
        for (String message : earlier) {
            TryIt turn = alone(message, policy, engine, topic, word(knowledge, topic), language, previous);
            turns.add(new Turn(
                    message,
                    turn.branch(),
                    turn.replies(),
                    turn.answer() == null ? null : turn.answer().source()));
            if (turn.answer() != null && turn.answer().articleId() != null) {
                topic = turn.answer().articleId();
                previous = message;
            }
            language = turn.language();
        }
        TryIt asked = alone(question, policy, engine, topic, word(knowledge, topic), language, previous);
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
                title,
                asked.language,
                asked.reading,
                asked.translated);
    }

    private static String word(KnowledgeBase knowledge, String topic) {
        return topic == null || knowledge == null
                ? null
                : knowledge.article(topic).map(Topics::of).orElse(null);
    }

    /**
     * @param spoken the conversation's language so far: a message that does not tell its own is answered in it
     * @param previous the earlier question whose answer gave the topic, or null
     */
    private static TryIt alone(
            String question,
            ConversationPolicy policy,
            AnswerEngine engine,
            String topic,
            String word,
            Language spoken,
            String previous) {
        Texts texts = policy.rules().texts();
        Language language = Language.answering(question, () -> spoken);
        Decision decision = policy.decide(question);
        String redFlag = decision instanceof Decision.Emergency emergency
                ? "urgent guidance: " + emergency.basis()
                : policy.closestRedFlag(question).orElse(null);
        return ask(question, decision, texts, engine, topic, word, language, previous)
                .withRedFlag(redFlag);
    }

    private TryIt withRedFlag(String redFlag) {
        return new TryIt(
                branch,
                ruleId,
                replies,
                answer,
                corrected,
                candidates,
                redFlag,
                earlier,
                topic,
                language,
                reading,
                translated);
    }

    private static TryIt ask(
            String question,
            Decision decision,
            Texts texts,
            AnswerEngine engine,
            String topic,
            String word,
            Language language,
            String previous) {
        return switch (decision) {
            case Decision.Emergency emergency ->
                policyOnly(
                        "Emergency",
                        emergency,
                        emergency.language(),
                        emergency.guidance(),
                        texts.handoffOffer(emergency.language()));
            case Decision.NeedsClinician clinician -> {
                Asked asked = Asked.of(engine, question, topic, word, language, texts, previous);
                Language said = texts.hasSpanish("clinician-note") ? language : Language.ENGLISH;
                List<String> replies = asked.answered().answer() instanceof Answer.Found found
                        ? List.of(found.text(), texts.clinicianNote(said) + " " + texts.handoffOffer(said))
                        : List.of(texts.clinicianNote(said), texts.handoffOffer(said));
                yield withAnswer("Needs a clinician", clinician, replies, asked, language);
            }
            case Decision.Booking booking -> policyOnly("Booking", booking, language, texts.handoffAccepted(language));
            case Decision.SmallTalk smallTalk ->
                policyOnly("Small talk", smallTalk, language, smallTalk.reply(language));
            case Decision.AskKnowledgeBase ask -> {
                Asked asked = Asked.of(engine, question, topic, word, language, texts, previous);
                boolean englishOnly = language == Language.SPANISH && texts.hasSpanish("english-only");
                List<String> replies = switch (asked.answered().answer()) {
                    case Answer.Found found
                    when !asked.answered().translated() && englishOnly ->
                        List.of(found.text(), texts.englishOnly(language));
                    case Answer.Found found -> List.of(found.text());
                    case Answer.OutOfScope outOfScope -> List.of(texts.outOfScope(language));
                    case Answer.Unknown unknown -> List.of(texts.unknown(language));
                    case Answer.Ambiguous ambiguous ->
                        List.of(texts.whichProcedure(language) + " "
                                + ambiguous.choices().stream()
                                        .map(Answer.Choice::name)
                                        .collect(java.util.stream.Collectors.joining(" / ")));
                };
                yield withAnswer("Knowledge base", ask, replies, asked, language);
            }
        };
    }

    /**
     * The knowledge base asked as the chat asks it ({@link ContextualAnswer#inLanguage}), and the engine's explanation
     * of the English it asked (the candidates it weighed).
     */
    private record Asked(ContextualAnswer.InLanguage answered, Explanation explanation) {

        static Asked of(
                AnswerEngine engine,
                String question,
                String topic,
                String word,
                Language language,
                Texts texts,
                String previous) {
            ContextualAnswer.InLanguage answered = ContextualAnswer.inLanguage(
                    engine, question, language.code, topic, word, texts::englishOfSuggestion, () -> previous);
            return new Asked(answered, engine.explain(answered.asked(), topic, CANDIDATES_SHOWN));
        }
    }

    /** Whether the bot would say the same, whatever the scores. */
    boolean saysTheSameAs(TryIt other) {
        return branch.equals(other.branch) && ruleId.equals(other.ruleId) && replies.equals(other.replies);
    }

    private static TryIt policyOnly(String branch, Decision decision, Language language, String... replies) {
        return new TryIt(
                branch,
                decision.ruleId(),
                List.of(replies),
                null,
                null,
                List.of(),
                null,
                List.of(),
                null,
                language,
                null,
                false);
    }

    private static TryIt withAnswer(
            String branch, Decision decision, List<String> replies, Asked asked, Language language) {
        return new TryIt(
                branch,
                decision.ruleId(),
                replies,
                AnswerView.of(asked.answered().answer()),
                asked.explanation().corrected(),
                asked.explanation().candidates(),
                null,
                List.of(),
                null,
                language,
                asked.answered().reading(),
                asked.answered().translated());
    }
}

package com.clinicfaq.curation.web;

import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.Texts;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.Explanation;
import java.util.List;

/**
 * What the bot would say to a question as the first message of a conversation, in the order the conversation
 * takes it (conversation.ConversationService): the safety policy first, and the knowledge base only for the
 * branches that ask it (a question for a clinician, or an ordinary question).
 *
 * @param branch the policy's branch, in words
 * @param ruleId the rule of {@code policy.yml} that decided, or "" for an ordinary question
 * @param replies the bot's messages, in order
 * @param answer the knowledge base's answer, when it was asked
 * @param candidates the items the engine weighed, best first, when it was asked
 * @param redFlag why urgent guidance was given (the words that matched, or the closest curated message and its
 *     similarity), or how close the message came to it; null when the policy reads no meaning
 */
record TryIt(String branch, String ruleId, List<String> replies, AnswerView answer, String corrected,
        List<Explanation.Weighed> candidates, String redFlag) {

    static final int CANDIDATES_SHOWN = 5;

    /** The knowledge base's answer as the page shows it. */
    record AnswerView(String outcome, String text, String source, String itemId, double confidence, String basis) {

        static AnswerView of(Answer answer) {
            return switch (answer) {
                case Answer.Found found -> new AnswerView("Found", found.text(),
                        found.source().articleTitle() + " › " + found.source().sectionTitle(), found.itemId(), found.confidence(),
                        found.basis() == Answer.Basis.LEXICAL ? "the words alone (BM25)" : "words and meaning (hybrid)");
                case Answer.OutOfScope outOfScope -> new AnswerView("Out of scope", outOfScope.topicTitle(), null,
                        outOfScope.topicId(), outOfScope.confidence(), "words and meaning (hybrid)");
                case Answer.Unknown unknown -> new AnswerView("Unknown", null, null, null, unknown.confidence(), null);
                case Answer.Ambiguous ambiguous -> new AnswerView("Which procedure?",
                        ambiguous.choices().stream().map(Answer.Choice::name).collect(java.util.stream.Collectors.joining(", ")),
                        null, null, ambiguous.confidence(), "several procedures' articles answer it");
            };
        }
    }

    static TryIt ask(String question, ConversationPolicy policy, AnswerEngine engine) {
        Texts texts = policy.rules().texts();
        Decision decision = policy.decide(question);
        String redFlag = decision instanceof Decision.Emergency emergency ? "urgent guidance: " + emergency.basis()
                : policy.closestRedFlag(question).orElse(null);
        return ask(question, decision, texts, engine).withRedFlag(redFlag);
    }

    private TryIt withRedFlag(String redFlag) {
        return new TryIt(branch, ruleId, replies, answer, corrected, candidates, redFlag);
    }

    private static TryIt ask(String question, Decision decision, Texts texts, AnswerEngine engine) {
        return switch (decision) {
            case Decision.Emergency emergency -> policyOnly("Emergency", emergency, emergency.guidance(),
                    texts.handoffOffer(emergency.language()));
            case Decision.NeedsClinician clinician -> {
                Explanation explanation = engine.explain(question, CANDIDATES_SHOWN);
                List<String> replies = explanation.answer() instanceof Answer.Found found
                        ? List.of(found.text(), texts.clinicianNote() + " " + texts.handoffOffer())
                        : List.of(texts.clinicianNote(), texts.handoffOffer());
                yield withAnswer("Needs a clinician", clinician, replies, explanation);
            }
            case Decision.Booking booking -> policyOnly("Booking", booking, texts.handoffAccepted());
            case Decision.SmallTalk smallTalk -> policyOnly("Small talk", smallTalk, smallTalk.reply());
            case Decision.AskKnowledgeBase ask -> {
                Explanation explanation = engine.explain(question, CANDIDATES_SHOWN);
                String reply = switch (explanation.answer()) {
                    case Answer.Found found -> found.text();
                    case Answer.OutOfScope outOfScope -> texts.outOfScope();
                    case Answer.Unknown unknown -> texts.unknown();
                    case Answer.Ambiguous ambiguous -> texts.whichProcedure() + " "
                            + ambiguous.choices().stream().map(Answer.Choice::name).collect(java.util.stream.Collectors.joining(" / "));
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
        return new TryIt(branch, decision.ruleId(), List.of(replies), null, null, List.of(), null);
    }

    private static TryIt withAnswer(String branch, Decision decision, List<String> replies, Explanation explanation) {
        return new TryIt(branch, decision.ruleId(), replies, AnswerView.of(explanation.answer()), explanation.corrected(),
                explanation.candidates(), null);
    }
}

package com.clinicfaq.search;

import java.util.Comparator;
import java.util.Optional;

/**
 * How lexical and semantic evidence are weighed, and how sure the engine must be to answer.
 * Calibrated on the evaluation set's development half: {@code ./mvnw -q test-compile
 * exec:exec@evaluate -Devaluate.args=--calibrate} (see docs/evaluation.md).
 *
 * @param semanticWeight weight of the cosine similarity between the question and the item's texts
 * @param lexicalWeight weight of the saturated BM25 score
 * @param lexicalSaturation the BM25 score that counts as half of full lexical evidence
 * @param passageOffset added to passages' scores: a question compared with an article sentence
 *     scores lower than with a curated question of the same meaning
 * @param unknownPenalty taken off in proportion to the question's words the knowledge base never
 *     uses: "how much does kyphoplasty cost" is about cost, not kyphoplasty
 * @param voteWeight weight of the share of the question's nearest texts in meaning that belong to
 *     the candidate
 * @param threshold the least score that is answered; below it the engine says it does not know
 * @param shortcut when the words alone decide, so the question need not be embedded
 */
public record Scoring(
        double semanticWeight,
        double lexicalWeight,
        double lexicalSaturation,
        double passageOffset,
        double unknownPenalty,
        double voteWeight,
        double threshold,
        Shortcut shortcut) {

    public static final Scoring CALIBRATED = new Scoring(1.0, 0.7, 6.0, 0.0, 0.4, 0.1, 0.74, Shortcut.CALIBRATED);

    /**
     * The question's words single out one item: its BM25 score is at least {@code minimumBm25} and
     * {@code ratio} times the next item's, and at most {@code maxUnknownShare} of the question's
     * words are unknown to the knowledge base. Calibrated so that on the development questions the
     * shortcut never answers differently from the full hybrid ranking.
     */
    public record Shortcut(double minimumBm25, double ratio, double maxUnknownShare) {

        public static final Shortcut CALIBRATED = new Shortcut(3.0, 1.5, 0.34);
        public static final Shortcut NEVER = new Shortcut(Double.POSITIVE_INFINITY, 1, 0);

        boolean applies(double best, double next, double unknownShare) {
            return best >= minimumBm25 && best >= ratio * next && unknownShare <= maxUnknownShare;
        }
    }

    double score(Candidate candidate, double unknownShare) {
        double lexical = candidate.bm25() / (candidate.bm25() + lexicalSaturation);
        return semanticWeight * candidate.cosine()
                + lexicalWeight * lexical
                + (candidate.passage() ? passageOffset : 0)
                - unknownPenalty * unknownShare
                + voteWeight * candidate.votes() / AnswerEngine.VOTERS;
    }

    Optional<Scored> best(Evidence evidence) {
        return evidence.candidates().stream()
                .map(c -> new Scored(c, score(c, evidence.unknownShare())))
                .max(Comparator.comparingDouble(Scored::score));
    }

    record Scored(Candidate candidate, double score) {}
}

package com.clinicfaq.search;

import java.util.Comparator;
import java.util.Optional;

/**
 * How lexical and semantic evidence are weighed, and how sure the engine must be to answer.
 * Calibrated on the evaluation set's development half (see docs/evaluation.md).
 *
 * @param lexicalWeight weight of the saturated BM25 score next to the cosine similarity
 * @param lexicalSaturation the BM25 score that counts as half of full lexical evidence
 * @param passageOffset added to passages' scores: a question compared with an article sentence
 *     scores lower than with a curated question of the same meaning
 * @param unknownPenalty taken off in proportion to the question's words the knowledge base never
 *     uses: "how much does kyphoplasty cost" is about cost, not kyphoplasty
 * @param threshold the least score that is answered; below it the engine says it does not know
 */
public record Scoring(
        double lexicalWeight, double lexicalSaturation, double passageOffset, double unknownPenalty, double threshold) {

    public static final Scoring CALIBRATED = new Scoring(0.3, 2.0, 0.0, 0.3, 0.70);

    double score(Candidate candidate, double unknownShare) {
        double lexical = candidate.bm25() / (candidate.bm25() + lexicalSaturation);
        return candidate.cosine()
                + lexicalWeight * lexical
                + (candidate.passage() ? passageOffset : 0)
                - unknownPenalty * unknownShare;
    }

    Optional<Scored> best(Evidence evidence) {
        return evidence.candidates().stream()
                .map(c -> new Scored(c, score(c, evidence.unknownShare())))
                .max(Comparator.comparingDouble(Scored::score));
    }

    record Scored(Candidate candidate, double score) {}
}

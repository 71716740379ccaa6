package com.clinicfaq.search;

/**
 * The engine's confidence on [0, 1]: the probability that what it gives (an answer, or a topic it declines) is right.
 * The calibrated sum's score and the lexical shortcut's BM25 score are numbers of their own scales (a score of 1.07,
 * a BM25 of 5.3); each is mapped by a logistic curve (Platt scaling) fitted on the evaluation set's development half
 * ({@code ./mvnw -q test-compile exec:exec@evaluate -Devaluate.args=--confidence}, docs/evaluation.md), so that
 * answers given with confidence c are right about c of the time. Decisions stay on the scores; only what is reported
 * (the protocol's {@code confidence}, the Try page, analytics) is on this scale. The learned ranking of imported
 * articles gives a probability of its own.
 *
 * @param slope the curve's slope over the calibrated sum's score
 * @param intercept its intercept
 * @param lexicalSlope the curve's slope over the best BM25 score, for answers from the words alone
 * @param lexicalIntercept its intercept
 */
public record Confidence(double slope, double intercept, double lexicalSlope, double lexicalIntercept) {

    public static final Confidence CALIBRATED = new Confidence(4.0860, -1.5386, 0.3983, 0.7886);

    /** The probability for a score of the calibrated sum. */
    public double of(double score) {
        return logistic(slope * score + intercept);
    }

    /** The probability for an answer from the words alone, by its BM25 score. */
    public double ofLexical(double bm25) {
        return logistic(lexicalSlope * bm25 + lexicalIntercept);
    }

    static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}

package com.clinicfaq.search;

import java.util.List;

/**
 * Why the engine answers a question as it does, for staff trying a question: the answer it gives, and the
 * items it weighed, best first, with the scores they got.
 *
 * @param corrected the question after spelling correction
 * @param answer the answer the engine gives, exactly as {@link AnswerEngine#answer} would
 * @param candidates the best-scoring items of the full hybrid ranking, best first (also when the answer came
 *     from the words alone, which spares that ranking)
 */
public record Explanation(String corrected, Answer answer, List<Weighed> candidates) {

    /** What kind of text an item is. */
    public enum Kind {
        FAQ,
        PASSAGE,
        OUT_OF_SCOPE
    }

    /**
     * One item and its evidence.
     *
     * @param itemId the FAQ id, passage id ({@code article#anchor/n}) or out-of-scope topic id
     * @param text the FAQ's answer, the passage, or the out-of-scope topic's title
     * @param source where the text comes from (null for an out-of-scope topic)
     * @param lexical the best BM25 score of the item's texts
     * @param semantic the best cosine similarity of the item's texts to the question
     * @param votes how many of the question's nearest texts in meaning belong to the item
     * @param combined the hybrid score the engine ranks by and compares with its threshold
     */
    public record Weighed(
            String itemId,
            Kind kind,
            String text,
            Answer.Source source,
            double lexical,
            double semantic,
            int votes,
            double combined) {}
}

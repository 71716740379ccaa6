package com.clinicfaq.search;

/**
 * The evidence that one item answers a question: its best BM25 score and cosine similarity over
 * the item's texts (a FAQ's question and phrasings, or a passage), and how many of the question's
 * nearest texts in meaning belong to it (several phrasings of one FAQ close by are more telling
 * than one); and how close in meaning the question is to what the item answers ({@code heading}: its section's
 * heading, or its FAQ's question); and how close in meaning the question without the procedure's names is to the item's
 * text ({@code generic}; the cosine when the question names none): within one article the names tell no passage from
 * another, and in a small model's vector they weigh as much as the rest of a short question.
 */
record Candidate(IndexedItem item, double bm25, double cosine, int votes, double heading, double generic) {

    /** A candidate whose heading is not read. */
    Candidate(IndexedItem item, double bm25, double cosine, int votes) {
        this(item, bm25, cosine, votes, 0, cosine);
    }

    boolean passage() {
        return item.kind() == IndexedItem.Kind.PASSAGE;
    }
}

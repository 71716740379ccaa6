package com.clinicfaq.search;

/**
 * The evidence that one item answers a question: its best BM25 score and cosine similarity over
 * the item's texts (a FAQ's question and phrasings, or a passage), and how many of the question's
 * nearest texts in meaning belong to it (several phrasings of one FAQ close by are more telling
 * than one); and how close in meaning the question is to what the item answers ({@code heading}: its section's
 * heading, or its FAQ's question).
 */
record Candidate(IndexedItem item, double bm25, double cosine, int votes, double heading) {

    /** A candidate whose heading is not read. */
    Candidate(IndexedItem item, double bm25, double cosine, int votes) {
        this(item, bm25, cosine, votes, 0);
    }

    boolean passage() {
        return item.kind() == IndexedItem.Kind.PASSAGE;
    }
}

package com.clinicfaq.search;

/**
 * The evidence that one item answers a question: its best BM25 score and cosine similarity over
 * the item's texts (a FAQ's question and phrasings, or a passage).
 */
record Candidate(IndexedItem item, double bm25, double cosine) {

    boolean passage() {
        return item.kind() == IndexedItem.Kind.PASSAGE;
    }
}

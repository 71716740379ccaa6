package com.clinicfaq.search;

import java.util.List;

/** Turns text into unit-length vectors whose dot product measures closeness in meaning. */
public interface Embedder {

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /**
     * The pieces of one visitor message embedded together, as {@link #embedAll}; the one at {@code whole} is the
     * message itself, which a question memory may remember (and take from memory) since it is asked for again to
     * answer the message.
     */
    default List<float[]> embedMessage(List<String> texts, int whole) {
        return embedAll(texts);
    }

    /** Which model makes the vectors ("all-minilm-l6-v2-q"): what is learned from them holds only for the same model. */
    default String model() {
        return "";
    }
}

package com.clinicfaq.policy;

import java.util.List;

/**
 * Turns sentences into unit-length vectors whose dot product measures closeness in meaning: the embedding model,
 * lent to the policy by whoever builds it (the policy itself knows no model).
 */
@FunctionalInterface
public interface SentenceEncoder {

    /** One vector per sentence of a visitor's message, in order; nothing of them may be kept by text. */
    List<float[]> encode(List<String> sentences);

    /** One vector per curated message of {@code policy.yml}, in order; these may be remembered between versions. */
    default List<float[]> encodeCurated(List<String> texts) {
        return encode(texts);
    }
}

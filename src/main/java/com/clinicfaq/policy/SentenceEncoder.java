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

    /** Which embedding model makes the vectors: the learned red-flag layer reads only those of its own model. */
    default String model() {
        return "";
    }

    /** One vector per curated message of {@code policy.yml}, in order; these may be remembered between versions. */
    default List<float[]> encodeCurated(List<String> texts) {
        return encode(texts);
    }

    /**
     * The dot product of two of its vectors: closeness in meaning. It runs for every sentence against every curated
     * message, so an encoder may do it in vector instructions; this one is plain Java.
     */
    default double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        int i = 0;
        for (int end = a.length - 1; i < end; i += 2) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1;
    }
}

package com.clinicfaq.search;

import java.util.List;

/** Turns text into unit-length vectors whose dot product measures closeness in meaning. */
public interface Embedder {

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /** Which model makes the vectors ("all-minilm-l6-v2-q"): what is learned from them holds only for the same model. */
    default String model() {
        return "";
    }
}

package com.clinicfaq.search;

/** The evaluation set's CSV reading, for tools outside this package (the chat load test). */
public final class EvaluationSetAccess {

    private EvaluationSetAccess() {}

    public static String question(String csvLine) {
        return EvaluationSet.csv(csvLine).getFirst();
    }
}

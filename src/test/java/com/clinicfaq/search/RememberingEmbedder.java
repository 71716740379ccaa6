package com.clinicfaq.search;

/** The service's question memory over a model, for commands outside this package that time the engine as it runs. */
public final class RememberingEmbedder {

    private RememberingEmbedder() {}

    /** What {@code SearchConfiguration} gives the engine: the model, remembering up to {@code capacity} questions. */
    public static Embedder of(Embedder model, int capacity) {
        return new QuestionVectors(model, capacity);
    }
}

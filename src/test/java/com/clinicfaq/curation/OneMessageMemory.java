package com.clinicfaq.curation;

import com.clinicfaq.search.Embedder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The vectors of the message being answered, keyed as the engine's question memory keys them; nothing older. */
final class OneMessageMemory implements Embedder {
    private final Embedder model;
    private final Map<String, float[]> current = new HashMap<>();

    OneMessageMemory(Embedder model) {
        this.model = model;
    }

    void forget() {
        current.clear();
    }

    @Override
    public float[] embed(String text) {
        return current.computeIfAbsent(text.strip().toLowerCase(Locale.ROOT), model::embed);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts);
    }

    @Override
    public List<float[]> embedMessage(List<String> texts, int whole) {
        List<float[]> vectors = model.embedAll(texts);
        current.put(texts.get(whole).strip().toLowerCase(Locale.ROOT), vectors.get(whole));
        return vectors;
    }

    @Override
    public String model() {
        return model.model();
    }
}

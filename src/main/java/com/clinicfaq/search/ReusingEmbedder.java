package com.clinicfaq.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of the last build's texts, so that a rebuild after an edit embeds only the
 * texts that changed. Only the index build uses it; visitors' questions are never kept.
 */
final class ReusingEmbedder {

    private final Embedder embedder;
    private Map<String, float[]> previous = Map.of();

    ReusingEmbedder(Embedder embedder) {
        this.embedder = embedder;
    }

    /** Another one that starts out knowing this one's vectors. */
    synchronized ReusingEmbedder copy() {
        ReusingEmbedder copy = new ReusingEmbedder(embedder);
        copy.previous = previous;
        return copy;
    }

    /** Vectors for these texts, in order; forgets texts the build no longer has. */
    synchronized List<float[]> embedAll(List<String> texts) {
        List<String> missing =
                texts.stream().filter(t -> !previous.containsKey(t)).distinct().toList();
        Map<String, float[]> current = new HashMap<>();
        if (!missing.isEmpty()) {
            List<float[]> vectors = embedder.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                current.put(missing.get(i), vectors.get(i));
            }
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (String text : texts) {
            float[] vector = current.computeIfAbsent(text, previous::get);
            result.add(vector);
        }
        previous = current;
        return result;
    }
}

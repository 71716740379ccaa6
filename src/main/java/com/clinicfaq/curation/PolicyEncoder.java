package com.clinicfaq.curation;

import com.clinicfaq.policy.SentenceEncoder;
import com.clinicfaq.search.Embedder;
import com.clinicfaq.search.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lends the answer engine's embedding model to the policy. Curated messages of {@code policy.yml} are remembered
 * by their text, so that publishing a version embeds only the ones that changed; a visitor's sentences go
 * through the engine's own question memory (by digest, never by text).
 */
final class PolicyEncoder implements SentenceEncoder {

    /** More curated messages than any policy holds; past this the memory starts over. */
    private static final int MAX_CURATED = 20_000;

    private final Embedder model;
    private final Supplier<Embedder> questions;
    /** Shared by every encoder of the JVM: the texts are curated (policy.yml, the checks), never a visitor's. */
    private static final Map<String, float[]> curated = new ConcurrentHashMap<>();

    /**
     * @param model the embedding model
     * @param questions the answer engine's question memory over the same model, once there is an engine (the first
     *     version's policy is built before it)
     */
    PolicyEncoder(Embedder model, Supplier<Embedder> questions) {
        this.model = model;
        this.questions = questions;
    }

    PolicyEncoder(Embedder model) {
        this(model, () -> model);
    }

    @Override
    public List<float[]> encode(List<String> sentences) {
        Embedder embedder = Objects.requireNonNullElse(questions.get(), model);
        if (sentences.size() == 1) {
            return List.of(embedder.embed(sentences.getFirst()));
        }
        // the longest text is the whole message, which the answer engine embeds too: the question memory may keep it
        int longest = 0;
        for (int i = 1; i < sentences.size(); i++) {
            if (sentences.get(i).length() > sentences.get(longest).length()) {
                longest = i;
            }
        }
        return embedder.embedMessage(sentences, longest);
    }

    /**
     * An encoder that takes every text for curated, to be remembered: for running the checks' own messages (the
     * red-flag sets) through a policy, version after version, without embedding them again.
     */
    SentenceEncoder forCuratedMessages() {
        return new SentenceEncoder() {
            @Override
            public List<float[]> encode(List<String> sentences) {
                return encodeCurated(sentences);
            }

            @Override
            public String model() {
                return PolicyEncoder.this.model();
            }

            @Override
            public List<float[]> encodeCurated(List<String> texts) {
                return PolicyEncoder.this.encodeCurated(texts);
            }

            @Override
            public double dot(float[] a, float[] b) {
                return Vectors.dot(a, b);
            }
        };
    }

    @Override
    public String model() {
        return model.model();
    }

    /** In vector instructions (the engine's own): every sentence is compared with about 1,700 curated messages. */
    @Override
    public double dot(float[] a, float[] b) {
        return Vectors.dot(a, b);
    }

    @Override
    public List<float[]> encodeCurated(List<String> texts) {
        List<String> missing =
                texts.stream().filter(t -> !curated.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            if (curated.size() + missing.size() > MAX_CURATED) {
                curated.clear();
            }
            List<float[]> vectors = model.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                curated.put(missing.get(i), vectors.get(i));
            }
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (String text : texts) {
            float[] vector = curated.get(text);
            result.add(vector != null ? vector : model.embedAll(List.of(text)).getFirst());
        }
        return result;
    }
}

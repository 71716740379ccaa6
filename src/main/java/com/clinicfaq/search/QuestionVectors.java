package com.clinicfaq.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of recently asked questions. Visitors ask the same questions again and tap the
 * same suggestions, and embedding a question costs more than everything else in answering it
 * (docs/benchmarks.md). Least recently asked questions are forgotten first; a capacity of 0 remembers
 * nothing. Questions are known by a SHA-256 digest of their text, so no visitor's words are kept here.
 * Texts embedded together (building the index) pass straight through.
 */
final class QuestionVectors implements Embedder {

    private final Embedder embedder;
    private final int capacity;
    /** By digest, in order of last use; guarded by itself. */
    private final Map<Digest, float[]> recent;

    private record Digest(long high, long low) {}

    QuestionVectors(Embedder embedder, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.embedder = embedder;
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Digest, float[]> eldest) {
                return size() > QuestionVectors.this.capacity;
            }
        };
    }

    /** The question's vector; callers must not change it, as it is shared with whoever asks next. */
    @Override
    public float[] embed(String question) {
        if (capacity == 0) {
            return embedder.embed(question);
        }
        Digest digest = digest(question);
        synchronized (recent) {
            float[] known = recent.get(digest);
            if (known != null) {
                return known;
            }
        }
        float[] vector = embedder.embed(question); // not under the lock: two first askings may both embed
        synchronized (recent) {
            recent.put(digest, vector);
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embedder.embedAll(texts);
    }

    /** How many questions are remembered now. */
    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    private static Digest digest(String text) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            return new Digest(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
